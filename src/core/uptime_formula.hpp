#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/bucket.hpp"
#include "core/error.hpp"

namespace vigil {

//! Kener's per-monitor uptime formula: a numerator and a denominator, each an arithmetic
//! expression over the variables up, down, degraded, maintenance with + - * / and parentheses.
class UptimeFormula {
 public:
  //! Kener's code default: (up + maintenance + degraded) / (up + down + degraded + maintenance).
  static UptimeFormula standard();
  //! Parses both expressions; the error names the side and position of the problem.
  static Result<UptimeFormula> parse(std::string_view numerator, std::string_view denominator);

  //! Uptime in percent (0..100); nullopt when the denominator is 0.
  std::optional<double> percent(const StatusCounts& counts) const;

  //! The expressions as given.
  const std::string& numerator() const { return numerator_text_; }
  const std::string& denominator() const { return denominator_text_; }

  struct Node;  //!< parsed expression tree (defined in the .cpp)

 private:
  std::shared_ptr<const Node> numerator_;
  std::shared_ptr<const Node> denominator_;
  std::string numerator_text_;
  std::string denominator_text_;
};

//! Formats an uptime for display as Kener does: "-" for nullopt, whole numbers for 100 and
//! multiples of 10, otherwise up to 4 decimals without trailing zeros.
std::string format_uptime(std::optional<double> percent);

}  // namespace vigil
