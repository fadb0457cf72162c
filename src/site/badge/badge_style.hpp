#pragma once

#include <optional>
#include <string_view>

namespace vigil {

//! The shields.io badge styles Kener accepts.
enum class BadgeStyle { kFlat, kFlatSquare, kPlastic, kForTheBadge, kSocial };

//! Parses "flat", "flat-square", "plastic", "for-the-badge" or "social"; nullopt otherwise.
std::optional<BadgeStyle> parse_badge_style(std::string_view text);

}  // namespace vigil
