#include "core/uptime_formula.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace vigil {

struct UptimeFormula::Node {
  enum class Kind { kNumber, kVariable, kNegate, kAdd, kSubtract, kMultiply, kDivide };

  Kind kind = Kind::kNumber;
  double number = 0;
  std::int64_t StatusCounts::*variable = nullptr;
  std::unique_ptr<const Node> left;
  std::unique_ptr<const Node> right;
};

namespace {

using Node = UptimeFormula::Node;
using NodePtr = std::unique_ptr<const Node>;

// Bounds on user input, so that parsing, evaluating and freeing (all recursive) stay shallow.
constexpr std::size_t kMaxLength = 1000;
constexpr int kMaxDepth = 100;

constexpr std::array<std::pair<std::string_view, std::int64_t StatusCounts::*>, 4> kVariables = {{
    {"up", &StatusCounts::up},
    {"down", &StatusCounts::down},
    {"degraded", &StatusCounts::degraded},
    {"maintenance", &StatusCounts::maintenance},
}};

NodePtr make_binary(Node::Kind kind, NodePtr left, NodePtr right) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->left = std::move(left);
  node->right = std::move(right);
  return node;
}

//! Recursive descent over one side of the formula:
//!   expr := term (('+' | '-') term)*    term := unary (('*' | '/') unary)*
//!   unary := '-' unary | primary        primary := number | variable | '(' expr ')'
//! Errors report 1-based character positions.
class ExpressionParser {
 public:
  ExpressionParser(std::string_view side, std::string_view text) : side_(side), text_(text) {}

  Result<NodePtr> parse() {
    if (text_.size() > kMaxLength) {
      error_ = std::string(side_) + ": longer than " + std::to_string(kMaxLength) + " characters";
      return fail_result();
    }
    NodePtr root = parse_expr();
    if (!error_.empty()) return fail_result();
    skip_space();
    if (pos_ < text_.size()) {
      fail("unexpected '" + std::string(1, text_[pos_]) + "'");
      return fail_result();
    }
    return root;
  }

 private:
  NodePtr parse_expr() {
    NodePtr left = parse_term();
    while (left) {
      skip_space();
      if (!consume('+') && !consume('-')) return left;
      const Node::Kind kind = text_[pos_ - 1] == '+' ? Node::Kind::kAdd : Node::Kind::kSubtract;
      NodePtr right = parse_term();
      if (!right) return nullptr;
      left = make_binary(kind, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr parse_term() {
    NodePtr left = parse_unary();
    while (left) {
      skip_space();
      if (!consume('*') && !consume('/')) return left;
      const Node::Kind kind = text_[pos_ - 1] == '*' ? Node::Kind::kMultiply : Node::Kind::kDivide;
      NodePtr right = parse_unary();
      if (!right) return nullptr;
      left = make_binary(kind, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr parse_unary() {
    skip_space();
    if (depth_ == kMaxDepth) return fail("expression nested too deeply");
    ++depth_;
    NodePtr node = consume('-') ? negate(parse_unary()) : parse_primary();
    --depth_;
    return node;
  }

  static NodePtr negate(NodePtr operand) {
    if (!operand) return nullptr;
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kNegate;
    node->left = std::move(operand);
    return node;
  }

  NodePtr parse_primary() {
    skip_space();
    if (pos_ == text_.size())
      return fail("incomplete expression, expected a number, a variable or '('");
    const char c = text_[pos_];
    if (consume('(')) {
      NodePtr inner = parse_expr();
      if (!inner) return nullptr;
      skip_space();
      if (!consume(')')) return fail("expected ')'");
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return parse_number();
    if (std::isalpha(static_cast<unsigned char>(c))) return parse_variable();
    return fail("unexpected '" + std::string(1, c) + "'");
  }

  NodePtr parse_number() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
      ++pos_;
    }
    const std::string digits(text_.substr(start, pos_ - start));
    char* end = nullptr;
    const double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) {
      pos_ = start;
      return fail("bad number '" + digits + "'");
    }
    auto node = std::make_unique<Node>();
    node->number = value;
    return node;
  }

  NodePtr parse_variable() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    const std::string_view name = text_.substr(start, pos_ - start);
    for (const auto& [known, member] : kVariables) {
      if (name == known) {
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::kVariable;
        node->variable = member;
        return node;
      }
    }
    pos_ = start;
    return fail("unknown variable '" + std::string(name) + "'",
                " (use up, down, degraded, maintenance)");
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool consume(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  NodePtr fail(const std::string& problem, std::string_view hint = {}) {
    if (error_.empty()) {
      error_ = std::string(side_) + ": " + problem + " at position " + std::to_string(pos_ + 1) +
               std::string(hint);
    }
    return nullptr;
  }

  Error fail_result() const { return Error{ErrorCode::kBadRequest, error_}; }

  std::string_view side_;
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

std::optional<double> evaluate(const Node& node, const StatusCounts& counts) {
  if (node.kind == Node::Kind::kNumber) return node.number;
  if (node.kind == Node::Kind::kVariable) return static_cast<double>(counts.*node.variable);
  auto left = evaluate(*node.left, counts);
  if (!left) return std::nullopt;
  if (node.kind == Node::Kind::kNegate) return -*left;
  auto right = evaluate(*node.right, counts);
  if (!right) return std::nullopt;
  switch (node.kind) {
    case Node::Kind::kAdd:
      return *left + *right;
    case Node::Kind::kSubtract:
      return *left - *right;
    case Node::Kind::kMultiply:
      return *left * *right;
    case Node::Kind::kDivide:
      if (*right == 0) return std::nullopt;
      return *left / *right;
    default:
      return std::nullopt;
  }
}

}  // namespace

UptimeFormula UptimeFormula::standard() {
  return *parse("up + maintenance + degraded", "up + down + degraded + maintenance");
}

Result<UptimeFormula> UptimeFormula::parse(std::string_view numerator,
                                           std::string_view denominator) {
  auto top = ExpressionParser("numerator", numerator).parse();
  if (!top) return top.error();
  auto bottom = ExpressionParser("denominator", denominator).parse();
  if (!bottom) return bottom.error();
  UptimeFormula formula;
  formula.numerator_ = std::move(*top);
  formula.denominator_ = std::move(*bottom);
  formula.numerator_text_ = numerator;
  formula.denominator_text_ = denominator;
  return formula;
}

std::optional<double> UptimeFormula::percent(const StatusCounts& counts) const {
  if (!numerator_ || !denominator_) return std::nullopt;  // a default-constructed formula
  auto top = evaluate(*numerator_, counts);
  auto bottom = evaluate(*denominator_, counts);
  if (!top || !bottom || *bottom == 0) return std::nullopt;
  return std::clamp(100.0 * *top / *bottom, 0.0, 100.0);
}

std::string format_uptime(std::optional<double> percent) {
  if (!percent) return "-";
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", *percent);
  std::string out(text);
  // "99.9500" → "99.95", "100.0000" → "100": whole values (100, multiples of 10) lose the point.
  out.erase(out.find_last_not_of('0') + 1);
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

}  // namespace vigil
