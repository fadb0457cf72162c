#include "site/badge/font_metrics.hpp"

#include <algorithm>

#include "site/badge/badge_text.hpp"
#include "site/badge/font_metrics_table.hpp"

namespace vigil {
namespace {

const GlyphAdvance& advance_of(char32_t c) {
  static const GlyphAdvance fallback = fallback_advance();
  const auto table = glyph_advances();
  const auto it = std::lower_bound(
      table.begin(), table.end(), c,
      [](const GlyphAdvance& glyph, char32_t code_point) { return glyph.code_point < code_point; });
  return it != table.end() && it->code_point == c ? *it : fallback;
}

}  // namespace

double text_width(std::u32string_view text, double font_size_px, bool bold) {
  long units = 0;
  for (char32_t c : text) {
    const GlyphAdvance& glyph = advance_of(c);
    units += bold ? glyph.bold : glyph.regular;
  }
  return static_cast<double>(units) * font_size_px / font_units_per_em();
}

double text_width(std::string_view utf8, double font_size_px, bool bold) {
  return text_width(decode_badge_text(utf8), font_size_px, bold);
}

}  // namespace vigil
