#include "site/badge/badge_style.hpp"

#include <array>
#include <utility>

namespace vigil {

std::optional<BadgeStyle> parse_badge_style(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, BadgeStyle>, 5> kStyles = {{
      {"flat", BadgeStyle::kFlat},
      {"flat-square", BadgeStyle::kFlatSquare},
      {"plastic", BadgeStyle::kPlastic},
      {"for-the-badge", BadgeStyle::kForTheBadge},
      {"social", BadgeStyle::kSocial},
  }};
  for (const auto& [name, style] : kStyles) {
    if (text == name) return style;
  }
  return std::nullopt;
}

}  // namespace vigil
