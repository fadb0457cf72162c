#pragma once

#include <cstdint>
#include <span>

namespace vigil {

//! Advance widths of one code point in DejaVu Sans, in font units.
struct GlyphAdvance {
  char32_t code_point = 0;
  std::uint16_t regular = 0;  //!< DejaVu Sans
  std::uint16_t bold = 0;     //!< DejaVu Sans Bold
};

//! The generated table (font_metrics_table.cpp, by scripts/gen_font_metrics.py), sorted by
//! code point.
std::span<const GlyphAdvance> glyph_advances();

//! Font units per em of both fonts.
int font_units_per_em();

//! Advances used for code points missing from the table: those of 'm'.
GlyphAdvance fallback_advance();

}  // namespace vigil
