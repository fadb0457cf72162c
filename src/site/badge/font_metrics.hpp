#pragma once

#include <string_view>

namespace vigil {

//! Width in pixels of `text` set in DejaVu Sans (or DejaVu Sans Bold) at `font_size_px`, summed
//! from the generated advance table (font_metrics_table.cpp); code points missing from the table
//! are as wide as 'm'. Kerning is not applied.
double text_width(std::u32string_view text, double font_size_px, bool bold);

//! The same for UTF-8 text, decoded as by decode_badge_text.
double text_width(std::string_view utf8, double font_size_px, bool bold);

}  // namespace vigil
