#include "core/condition.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace vigil {
namespace {

constexpr std::size_t kMaxShown = 64;
constexpr std::string_view kKnownPlaceholders =
    "[STATUS], [RESPONSE_TIME], [BODY], [CERTIFICATE_EXPIRATION], [IP], [CONNECTED], [DNS_RCODE]";
constexpr std::array<std::string_view, 11> kRcodeNames = {
    "NOERROR",  "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
    "YXDOMAIN", "YXRRSET", "NXRRSET",  "NOTAUTH",  "NOTZONE"};

Error error_at(std::size_t index, std::string_view problem) {
  return Error{ErrorCode::kBadRequest,
               "at character " + std::to_string(index + 1) + ": " + std::string(problem)};
}

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// A duration such as 48h, 30m, 7d, 1h30m or 1.5s, in milliseconds.
std::optional<double> parse_duration(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, double>, 5> kUnits = {
      {{"ms", 1}, {"s", 1e3}, {"m", 60e3}, {"h", 3600e3}, {"d", 86400e3}}};
  if (text.empty()) return std::nullopt;
  double total = 0;
  while (!text.empty()) {
    std::size_t digits = 0;
    while (digits < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
      ++digits;
    }
    if (digits == 0 || digits > 20) return std::nullopt;
    double amount = std::strtod(std::string(text.substr(0, digits)).c_str(), nullptr);
    text.remove_prefix(digits);
    auto unit = std::find_if(kUnits.begin(), kUnits.end(),
                             [&](const auto& u) { return text.starts_with(u.first); });
    if (unit == kUnits.end()) return std::nullopt;
    total += amount * unit->second;
    text.remove_prefix(unit->first.size());
  }
  return total;
}

// A plain number (decimal, exponent or 0x hex), with nothing else around it.
std::optional<double> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 64 || std::isspace(static_cast<unsigned char>(text[0]))) {
    return std::nullopt;
  }
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(value)) return std::nullopt;
  return value;
}

// A value for < <= > >=: a duration in milliseconds or a number.
std::optional<double> to_number(std::string_view text) {
  if (auto duration = parse_duration(text)) return duration;
  return parse_number(text);
}

// Numbers compare by value (so 200 == 200.0 and 0x10 == 16), anything else as text.
bool equal(std::string_view a, std::string_view b) {
  auto x = parse_number(a);
  auto y = parse_number(b);
  if (x && y) return *x == *y;
  return a == b;
}

// A glob split at its '*'s: `parts` must appear in order, the first at the start, the last at
// the end.
bool glob_match(const std::vector<std::string>& parts, std::string_view value) {
  if (parts.size() == 1) return value == parts.front();
  if (!value.starts_with(parts.front())) return false;
  std::size_t pos = parts.front().size();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    std::size_t found = value.find(parts[i], pos);
    if (found == std::string_view::npos) return false;
    pos = found + parts[i].size();
  }
  return value.size() - pos >= parts.back().size() && value.ends_with(parts.back());
}

std::vector<std::string> split(std::string_view text, char separator, bool trimmed) {
  std::vector<std::string> parts;
  for (;;) {
    std::size_t cut = text.find(separator);
    std::string_view part = text.substr(0, cut);
    parts.emplace_back(trimmed ? trim(part) : part);
    if (cut == std::string_view::npos) return parts;
    text.remove_prefix(cut + 1);
  }
}

// Whether the check reached the service: it answered, or failed only in what it answered.
bool connected(const CheckResult& result) {
  return result.http_code > 0 || result.error_kind == ErrorKind::kNone ||
         result.error_kind == ErrorKind::kProtocol;
}

std::string rcode_name(int rcode) {
  if (rcode < 0) return "";
  if (static_cast<std::size_t>(rcode) < kRcodeNames.size()) return std::string(kRcodeNames[rcode]);
  return std::to_string(rcode);
}

// Milliseconds as days, hours, minutes and seconds, e.g. "2d3h" or "-5m".
std::string format_duration(std::int64_t ms) {
  if (ms < 0) return "-" + format_duration(-ms);
  std::int64_t seconds = ms / 1000;
  if (seconds == 0) return std::to_string(ms) + "ms";
  std::string out;
  constexpr std::array<std::pair<std::int64_t, char>, 4> kParts = {
      {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}};
  for (auto [size, unit] : kParts) {
    if (seconds >= size) {
      out += std::to_string(seconds / size) + unit;
      seconds %= size;
    }
  }
  return out;
}

std::string shorten(std::string_view text) {
  if (text.size() <= kMaxShown) return std::string(text);
  std::size_t cut = kMaxShown - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace

Result<Condition> Condition::parse(std::string_view text) {
  if (text.size() > kMaxLength) {
    return error_at(kMaxLength, "longer than " + std::to_string(kMaxLength) + " characters");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0x20 && text[i] != '\t') {
      return error_at(i, "control character");
    }
  }
  Condition condition;
  condition.text_ = trim(text);
  std::size_t at = std::string_view::npos;
  std::string_view token;
  // Gatus's operators need a space on each side; they are looked for in this order, so the right
  // side may contain a later one (`[BODY] == a > b` compares the body with "a > b").
  constexpr std::array<std::pair<std::string_view, Op>, 6> kOperators = {{{" == ", Op::kEq},
                                                                          {" != ", Op::kNe},
                                                                          {" <= ", Op::kLe},
                                                                          {" >= ", Op::kGe},
                                                                          {" > ", Op::kGt},
                                                                          {" < ", Op::kLt}}};
  for (auto [candidate, op] : kOperators) {
    at = text.find(candidate);
    if (at != std::string_view::npos) {
      token = candidate;
      condition.op_ = op;
      break;
    }
  }
  if (at == std::string_view::npos) {
    std::size_t bare = text.find_first_of("=!<>");
    if (bare != std::string_view::npos) {
      return error_at(bare, "put a space on each side of the operator");
    }
    return error_at(0, "no operator; expected one of == != < <= > >= with a space on each side");
  }
  std::size_t right_at = at + token.size();
  if (std::size_t again = text.find(token, right_at); again != std::string_view::npos) {
    return error_at(again + 1, "a second '" + std::string(trim(token)) + "'");
  }
  auto left = parse_operand(text.substr(0, at), 0);
  if (!left) return left.error();
  auto right = parse_operand(text.substr(right_at), right_at);
  if (!right) return right.error();
  condition.left_ = std::move(*left);
  condition.right_ = std::move(*right);
  if (auto problem = condition.check_operands()) return *problem;
  return condition;
}

Condition Condition::body_contains(std::string_view keyword, bool inverted) {
  Condition condition;
  condition.op_ = inverted ? Op::kNe : Op::kEq;
  condition.left_ = Operand{Kind::kBody, "[BODY]", 0, {}, {}};
  std::string pattern = "pat(*" + std::string(keyword) + "*)";
  condition.text_ = std::string("[BODY] ") + (inverted ? "!= " : "== ") + pattern;
  // The keyword is one literal part, so a '*' in it is matched as itself.
  condition.right_ = Operand{Kind::kPattern,
                             pattern,
                             condition.text_.size() - pattern.size(),
                             {"", std::string(keyword), ""},
                             {}};
  return condition;
}

Result<Condition::Operand> Condition::parse_operand(std::string_view text, std::size_t offset) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return error_at(offset, "nothing to compare on this side");
  offset += start;
  text = trim(text);
  constexpr std::array<std::pair<std::string_view, Kind>, 4> kFunctions = {
      {{"len(", Kind::kLen}, {"has(", Kind::kHas}, {"pat(", Kind::kPattern}, {"any(", Kind::kAny}}};
  for (auto [prefix, kind] : kFunctions) {
    if (!text.starts_with(prefix)) continue;
    if (!text.ends_with(')')) return error_at(offset + text.size() - 1, "missing ')'");
    std::string_view inner = text.substr(4, text.size() - 5);
    if (kind == Kind::kLen || kind == Kind::kHas) {
      std::size_t inner_start = inner.find_first_not_of(" \t");
      std::string_view path = trim(inner);
      if (!path.starts_with("[BODY]")) {
        return error_at(offset + 4 + (inner_start == std::string_view::npos ? 0 : inner_start),
                        std::string(prefix) + ") takes [BODY] or a [BODY] path");
      }
      auto operand = parse_body_operand(path, offset + 4 + inner_start, kind);
      if (operand) {
        operand->text = text;
        operand->offset = offset;
      }
      return operand;
    }
    Operand operand{kind, std::string(text), offset, {}, {}};
    operand.values = split(inner, kind == Kind::kPattern ? '*' : ',', kind == Kind::kAny);
    return operand;
  }
  if (text.starts_with("[BODY]")) return parse_body_operand(text, offset, Kind::kBody);
  constexpr std::array<std::pair<std::string_view, Kind>, 6> kPlaceholders = {
      {{"[STATUS]", Kind::kStatus},
       {"[RESPONSE_TIME]", Kind::kResponseTime},
       {"[CERTIFICATE_EXPIRATION]", Kind::kCertificateExpiration},
       {"[IP]", Kind::kIp},
       {"[CONNECTED]", Kind::kConnected},
       {"[DNS_RCODE]", Kind::kDnsRcode}}};
  for (auto [name, kind] : kPlaceholders) {
    if (text == name) return Operand{kind, std::string(text), offset, {}, {}};
    if (text.starts_with(name)) {
      return error_at(offset + name.size(), "unexpected text after " + std::string(name));
    }
  }
  std::size_t close = text.find(']');
  if (text.starts_with('[') && close != std::string_view::npos && close > 1 &&
      std::all_of(text.begin() + 1, text.begin() + close,
                  [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })) {
    return error_at(offset, "unknown placeholder " + std::string(text.substr(0, close + 1)) +
                                "; known: " + std::string(kKnownPlaceholders));
  }
  return Operand{Kind::kLiteral, std::string(text), offset, {std::string(text)}, {}};
}

Result<Condition::Operand> Condition::parse_body_operand(std::string_view text, std::size_t offset,
                                                         Kind kind) {
  constexpr std::size_t kBodyLength = 6;  // "[BODY]"
  std::string_view rest = text.substr(kBodyLength);
  Operand operand{kind, std::string(text), offset, {}, {}};
  if (rest.empty() && kind == Kind::kBody) return operand;
  std::size_t path_at = offset + kBodyLength;
  if (rest.starts_with('.')) {
    rest.remove_prefix(1);
    ++path_at;
    if (rest.empty()) return error_at(path_at - 1, "a '.' after [BODY] needs a key");
  } else if (!rest.empty() && !rest.starts_with('[')) {
    return error_at(path_at, "expected '.' or '[' after [BODY]");
  }
  auto path = JsonPath::parse(rest, path_at);
  if (!path) return path.error();
  if (kind == Kind::kBody) operand.kind = Kind::kBodyPath;
  operand.path.push_back(std::move(*path));
  return operand;
}

std::optional<Error> Condition::check_operands() const {
  if (is_constant(left_) && is_constant(right_)) {
    return error_at(0, "neither side is a placeholder; known: " + std::string(kKnownPlaceholders));
  }
  if (is_function(left_) && is_function(right_)) {
    return error_at(right_.offset, "only one side may be pat() or any()");
  }
  if (!is_ordering()) return std::nullopt;
  for (const Operand* side : {&left_, &right_}) {
    if (is_function(*side)) {
      return error_at(side->offset, side->text.substr(0, 3) + "() only works with == or !=");
    }
    if (side->kind == Kind::kIp || side->kind == Kind::kConnected ||
        side->kind == Kind::kDnsRcode) {
      return error_at(side->offset, side->text + " can only be compared with == or !=");
    }
    if (side->kind == Kind::kLiteral && !to_number(side->text)) {
      return error_at(side->offset,
                      "'" + shorten(side->text) + "' is not a number or a duration such as 48h");
    }
  }
  return std::nullopt;
}

Condition::Resolved Condition::resolve(const Operand& operand, const CheckResult& result) {
  switch (operand.kind) {
    case Kind::kStatus:
      return {std::to_string(result.http_code), "", true};
    case Kind::kResponseTime:
      return {std::to_string(static_cast<std::int64_t>(result.latency_ms)), "", true};
    case Kind::kBody:
      return {std::string(trim(result.body)), "", true};
    case Kind::kBodyPath:
    case Kind::kLen:
    case Kind::kHas: {
      auto match = operand.path.front().find(result.body);
      if (operand.kind == Kind::kHas) return {match ? "true" : "false", "", true};
      if (!match && operand.kind == Kind::kLen && operand.path.front().text().empty() &&
          match.error().code == ErrorCode::kBadRequest) {
        return {std::to_string(trim(result.body).size()), "", true};  // len() of a plain body
      }
      if (!match) return {"", match.error().message, false};
      if (operand.kind == Kind::kLen) return {std::to_string(match->length), "", true};
      return {std::move(match->text), "", true};
    }
    case Kind::kCertificateExpiration: {
      std::int64_t left =
          result.certificate_expiry_ms ? *result.certificate_expiry_ms - result.started_ms : 0;
      return {std::to_string(left), format_duration(left), true};
    }
    case Kind::kIp:
      return {result.resolved_ip, "", true};
    case Kind::kConnected:
      return {connected(result) ? "true" : "false", "", true};
    case Kind::kDnsRcode:
      return {rcode_name(result.dns_rcode), "", true};
    case Kind::kLiteral:
    case Kind::kPattern:
    case Kind::kAny:
      break;
  }
  return {operand.text, "", true};
}

bool Condition::matches(const Operand& function, const std::string& value) {
  if (function.kind == Kind::kPattern) return glob_match(function.values, value);
  return std::any_of(function.values.begin(), function.values.end(),
                     [&](const std::string& option) { return equal(option, value); });
}

bool Condition::holds(const Resolved& left, const Resolved& right) const {
  if (!left.valid || !right.valid) return false;
  if (op_ == Op::kEq || op_ == Op::kNe) {
    bool same = is_function(left_)    ? matches(left_, right.value)
                : is_function(right_) ? matches(right_, left.value)
                                      : equal(left.value, right.value);
    return same == (op_ == Op::kEq);
  }
  auto a = to_number(left.value);
  auto b = to_number(right.value);
  if (!a || !b) return false;
  switch (op_) {
    case Op::kLt:
      return *a < *b;
    case Op::kLe:
      return *a <= *b;
    case Op::kGt:
      return *a > *b;
    default:
      return *a >= *b;
  }
}

ConditionOutcome Condition::evaluate(const CheckResult& result) const {
  Resolved left = resolve(left_, result);
  Resolved right = resolve(right_, result);
  ConditionOutcome outcome{text_, holds(left, right), ""};
  auto describe = [&](const Operand& operand, const Resolved& resolved) -> std::string {
    if (!resolved.valid) return resolved.display;
    std::string shown = shorten(resolved.display.empty() ? resolved.value : resolved.display);
    if (is_ordering() && !to_number(resolved.value)) shown += " (not a number)";
    if (operand.kind == Kind::kBody && resolved.value.empty()) shown = "empty body";
    return shown;
  };
  if (!is_constant(left_)) outcome.actual = describe(left_, left);
  if (!is_constant(left_) && !is_constant(right_)) outcome.actual += " vs ";
  if (!is_constant(right_)) outcome.actual += describe(right_, right);
  return outcome;
}

bool Condition::needs_body() const {
  auto reads_body = [](const Operand& o) {
    return o.kind == Kind::kBody || o.kind == Kind::kBodyPath || o.kind == Kind::kLen ||
           o.kind == Kind::kHas;
  };
  return reads_body(left_) || reads_body(right_);
}

bool Condition::is_ordering() const {
  return op_ != Op::kEq && op_ != Op::kNe;
}

bool Condition::is_function(const Operand& operand) {
  return operand.kind == Kind::kPattern || operand.kind == Kind::kAny;
}

bool Condition::is_constant(const Operand& operand) {
  return operand.kind == Kind::kLiteral || is_function(operand);
}

}  // namespace vigil
