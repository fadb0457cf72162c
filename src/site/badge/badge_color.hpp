#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vigil {

//! Resolves a badge colour as shields.io does and returns it as an SVG fill: a named colour
//! (brightgreen, green, yellowgreen, yellow, orange, red, blue, grey, lightgrey and the aliases
//! gray, lightgray, critical, important, success, informational, inactive), a hex colour of 3, 4,
//! 6 or 8 digits with or without '#' (lower-cased, '#' added), or rgb()/rgba() with numbers.
//! Nullopt for anything else.
std::optional<std::string> parse_badge_color(std::string_view text);

//! Perceived brightness (0..1, YIQ weights, two decimals as shields.io) of a colour returned by
//! parse_badge_color; 0 when it cannot be read.
double color_brightness(std::string_view svg_color);

}  // namespace vigil
