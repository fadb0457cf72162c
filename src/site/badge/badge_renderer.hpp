#pragma once

#include <optional>
#include <string>

#include "site/badge/badge_style.hpp"

namespace vigil {

//! What a label/message badge shows. Colours are SVG fills (see parse_badge_color).
struct BadgeSpec {
  std::string label;                       //!< left text (UTF-8); may be empty
  std::string message;                     //!< right text (UTF-8)
  std::string color = "#4c1";              //!< message background
  std::optional<std::string> label_color;  //!< label background; "#555" when unset
  BadgeStyle style = BadgeStyle::kFlat;
};

//! A shields.io-compatible SVG badge: the geometry, colours and text placement of badge-maker's
//! styles, with text widths from DejaVu Sans (font_metrics.hpp) instead of Verdana. Text is XML
//! escaped; the SVG carries a <title> and an aria-label "label: message".
std::string render_badge(const BadgeSpec& badge);

//! What a status dot shows.
struct DotSpec {
  std::string fill;   //!< SVG fill of the dot
  bool ping = false;  //!< adds an expanding, fading ring (SVG animation)
  std::string title;  //!< accessible text, e.g. "API: UP"
};

//! Kener's 32 px status dot: a circle of radius 8, optionally with the ping ring.
std::string render_dot(const DotSpec& dot);

}  // namespace vigil
