#include "site/badge/badge_color.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "core/ascii_case.hpp"

namespace vigil {
namespace {

using Name = std::pair<std::string_view, std::string_view>;

constexpr std::array<Name, 16> kNamedColors = {{
    {"brightgreen", "#4c1"},
    {"green", "#97ca00"},
    {"yellow", "#dfb317"},
    {"yellowgreen", "#a4a61d"},
    {"orange", "#fe7d37"},
    {"red", "#e05d44"},
    {"blue", "#007ec6"},
    {"grey", "#555"},
    {"lightgrey", "#9f9f9f"},
    {"gray", "#555"},
    {"lightgray", "#9f9f9f"},
    {"critical", "#e05d44"},
    {"important", "#fe7d37"},
    {"success", "#4c1"},
    {"informational", "#007ec6"},
    {"inactive", "#9f9f9f"},
}};

bool is_hex_digits(std::string_view text) {
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

//! The numbers inside "rgb(...)" or "rgba(...)", percentages scaled to 0..255; nullopt unless
//! there are 3 or 4 of them and nothing else but commas and spaces.
std::optional<std::vector<double>> rgb_arguments(std::string_view text) {
  std::string_view inside;
  if (text.starts_with("rgb(") && text.ends_with(")")) {
    inside = text.substr(4, text.size() - 5);
  } else if (text.starts_with("rgba(") && text.ends_with(")")) {
    inside = text.substr(5, text.size() - 6);
  } else {
    return std::nullopt;
  }
  std::vector<double> numbers;
  const char* p = inside.data();
  const char* end = p + inside.size();
  while (p < end) {
    if (*p == ' ' || *p == ',') {
      ++p;
      continue;
    }
    double value = 0;
    const auto [next, ec] = std::from_chars(p, end, value);
    if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;
    p = next;
    if (p < end && *p == '%') {
      value *= 2.55;
      ++p;
    }
    numbers.push_back(value);
  }
  if (numbers.size() != 3 && numbers.size() != 4) return std::nullopt;
  return numbers;
}

int hex_value(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  return digits.size() == 1 ? value * 17 : value;
}

}  // namespace

std::optional<std::string> parse_badge_color(std::string_view text) {
  const std::string color = to_lower(text);
  for (const auto& [name, value] : kNamedColors) {
    if (color == name) return std::string(value);
  }
  const std::string_view digits = std::string_view(color).substr(color.starts_with('#') ? 1 : 0);
  const bool hex_length =
      digits.size() == 3 || digits.size() == 4 || digits.size() == 6 || digits.size() == 8;
  if (hex_length && is_hex_digits(digits)) return "#" + std::string(digits);
  if (rgb_arguments(color)) return color;
  return std::nullopt;
}

double color_brightness(std::string_view svg_color) {
  double rgb[3] = {0, 0, 0};
  if (svg_color.starts_with('#')) {
    const std::string_view digits = svg_color.substr(1);
    const std::size_t width = digits.size() <= 4 ? 1 : 2;
    if (digits.size() < 3 * width || !is_hex_digits(digits)) return 0;
    for (std::size_t i = 0; i < 3; ++i) rgb[i] = hex_value(digits.substr(i * width, width));
  } else if (const auto numbers = rgb_arguments(svg_color)) {
    for (std::size_t i = 0; i < 3; ++i) rgb[i] = (*numbers)[i];
  } else {
    return 0;
  }
  const double yiq = (rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114) / 255000;
  return std::round(yiq * 100) / 100;
}

}  // namespace vigil
