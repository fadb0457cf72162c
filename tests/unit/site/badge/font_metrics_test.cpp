// Text widths against advance widths read from the DejaVu fonts with fontTools.
#include "site/badge/font_metrics.hpp"

#include <gtest/gtest.h>

#include "site/badge/badge_text.hpp"

namespace vigil {
namespace {

TEST(FontMetricsTest, KnownDejaVuWidthsAt11px) {
  // Sums of hmtx advances (units per em 2048) times 11 / 2048.
  EXPECT_DOUBLE_EQ(text_width(std::string_view("passing"), 11, false), 7856 * 11.0 / 2048);
  EXPECT_DOUBLE_EQ(text_width(std::string_view("build"), 11, false), 5036 * 11.0 / 2048);
  EXPECT_DOUBLE_EQ(text_width(std::string_view("passing"), 11, true), 8912 * 11.0 / 2048);
  EXPECT_DOUBLE_EQ(text_width(std::string_view("build"), 11, true), 5794 * 11.0 / 2048);
}

TEST(FontMetricsTest, Latin1FromUtf8) {
  EXPECT_DOUBLE_EQ(text_width(std::string_view("Ünïcödé"), 11, false), 8305 * 11.0 / 2048);
  EXPECT_DOUBLE_EQ(text_width(std::string_view("Ünïcödé"), 11, true), 9299 * 11.0 / 2048);
}

TEST(FontMetricsTest, ScalesWithTheFontSize) {
  EXPECT_DOUBLE_EQ(text_width(std::string_view("build"), 22, false),
                   2 * text_width(std::string_view("build"), 11, false));
  EXPECT_DOUBLE_EQ(text_width(std::string_view(""), 11, false), 0);
}

TEST(FontMetricsTest, UnknownCodePointsAreAsWideAsM) {
  // U+4E2D is not in DejaVu Sans; 'm' is 1995 units (2134 bold).
  EXPECT_DOUBLE_EQ(text_width(std::string_view("\xE4\xB8\xAD"), 11, false), 1995 * 11.0 / 2048);
  EXPECT_DOUBLE_EQ(text_width(std::string_view("\xE4\xB8\xAD"), 11, true), 2134 * 11.0 / 2048);
}

TEST(BadgeTextTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(decode_badge_text("a\xFF"
                              "b"),
            U"a\uFFFDb");
  EXPECT_EQ(decode_badge_text("\xC0\xAF"), U"\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(decode_badge_text("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(decode_badge_text("\xE2\x82"), U"\uFFFD\uFFFD");            // truncated
  EXPECT_EQ(decode_badge_text("\xF0\x9F\x98\x80"), U"\U0001F600");
}

TEST(BadgeTextTest, ControlCharactersAreDroppedAndMarkupEscaped) {
  EXPECT_EQ(decode_badge_text(std::string("a\x01\x1b") + '\0' + "b\tc"), U"ab\tc");
  EXPECT_EQ(escape_xml(std::string_view("<a href='x'>&\"</a>")),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(escape_xml(std::string_view("zoë ✓")), "zoë ✓");
}

TEST(BadgeTextTest, UpperCasesAsciiAndLatin1) {
  EXPECT_EQ(to_upper(U"up 99.9% ünï ÷ ß"), U"UP 99.9% ÜNÏ ÷ ß");
}

}  // namespace
}  // namespace vigil
