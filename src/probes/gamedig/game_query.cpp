#include "probes/gamedig/game_query.hpp"

#include <charconv>

namespace vigil {

QueryOutcome query_failure(ErrorKind kind, std::string message) {
  QueryOutcome outcome;
  outcome.error = kind;
  outcome.message = std::move(message);
  return outcome;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace vigil
