#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_result.hpp"
#include "core/condition_outcome.hpp"
#include "core/error.hpp"
#include "core/json_path.hpp"

namespace vigil {

//! One condition of Gatus's language, such as `[STATUS] == 200` or `len([BODY].items) > 0`,
//! parsed once into a comparison of two operands and evaluated on each check's result.
class Condition {
 public:
  //! Longest condition text accepted.
  static constexpr std::size_t kMaxLength = 4096;

  //! Parses `text`; errors say what is wrong and at which (1-based) character.
  static Result<Condition> parse(std::string_view text);
  //! Uptime Kuma's keyword check: the body contains `keyword` (does not, when `inverted`).
  static Condition body_contains(std::string_view keyword, bool inverted);

  //! Evaluates the condition on `result`; a value that cannot be read makes it fail.
  ConditionOutcome evaluate(const CheckResult& result) const;
  //! True when evaluating needs the response body.
  bool needs_body() const;
  //! The condition as written.
  const std::string& text() const { return text_; }

 private:
  enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };
  enum class Kind {
    kLiteral,
    kStatus,
    kResponseTime,
    kBody,
    kBodyPath,
    kLen,
    kHas,
    kCertificateExpiration,
    kIp,
    kConnected,
    kDnsRcode,
    kPattern,
    kAny
  };
  //! One side of the comparison.
  struct Operand {
    Kind kind = Kind::kLiteral;
    std::string text;                 // as written
    std::size_t offset = 0;           // where it starts in the condition
    std::vector<std::string> values;  // literal: 1; pat(): parts between '*'; any(): options
    std::vector<JsonPath> path;       // kBodyPath, kLen, kHas: exactly one
  };
  //! An operand's value on one result, or why there is none.
  struct Resolved {
    std::string value;    // compared
    std::string display;  // shown in the outcome
    bool valid = true;
  };

  static Result<Operand> parse_operand(std::string_view text, std::size_t offset);
  static Result<Operand> parse_body_operand(std::string_view text, std::size_t offset, Kind kind);
  std::optional<Error> check_operands() const;
  static Resolved resolve(const Operand& operand, const CheckResult& result);
  static bool matches(const Operand& function, const std::string& value);
  static bool is_function(const Operand& operand);  // pat() or any()
  static bool is_constant(const Operand& operand);  // a literal, pat() or any()
  bool is_ordering() const;                         // < <= > >=
  bool holds(const Resolved& left, const Resolved& right) const;

  std::string text_;
  Op op_ = Op::kEq;
  Operand left_;
  Operand right_;
};

}  // namespace vigil
