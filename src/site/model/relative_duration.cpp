#include "site/model/relative_duration.hpp"

#include <array>
#include <utility>

namespace vigil {

std::string relative_duration(Seconds duration) {
  static constexpr std::array<std::pair<Seconds, char>, 4> kUnits = {{
      {kDay, 'd'},
      {kHour, 'h'},
      {kMinute, 'm'},
      {1, 's'},
  }};
  const Seconds rest = duration > 0 ? duration : 0;
  std::size_t largest = 0;
  while (largest + 1 < kUnits.size() && rest < kUnits[largest].first) ++largest;
  const auto [length, symbol] = kUnits[largest];
  std::string out = std::to_string(rest / length) + symbol;
  if (largest + 1 < kUnits.size()) {
    const auto [next_length, next_symbol] = kUnits[largest + 1];
    const Seconds next = rest % length / next_length;
    if (next > 0) out += ' ' + std::to_string(next) + next_symbol;
  }
  return out;
}

}  // namespace vigil
