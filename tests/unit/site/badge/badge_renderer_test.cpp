// The renderer against golden SVGs in golden/. After an intended change of the output, rewrite
// them with VIGIL_UPDATE_GOLDEN=1 (e.g. `VIGIL_UPDATE_GOLDEN=1 ./unit_badge`), look at the
// files in a browser and at the diff, and commit them.
#include "site/badge/badge_renderer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "site/badge/badge_color.hpp"

namespace vigil {
namespace {

std::string golden_path(const std::string& name) {
  return std::string(VIGIL_BADGE_GOLDEN_DIR) + "/" + name + ".svg";
}

void expect_golden(const std::string& name, const std::string& svg) {
  const std::string path = golden_path(name);
  const char* update = std::getenv("VIGIL_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << svg << '\n';
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << "; run with VIGIL_UPDATE_GOLDEN=1 to write it";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(svg + '\n', expected.str()) << "differs from " << path;
}

BadgeSpec spec(BadgeStyle style) {
  BadgeSpec badge;
  badge.label = "API Server 90d";
  badge.message = "99.95%";
  badge.color = "#4c1";
  badge.label_color = "#333";
  badge.style = style;
  return badge;
}

TEST(BadgeRendererTest, FlatMatchesShieldsGeometry) {
  // With DejaVu widths "build" and "passing" round to shields' Verdana widths (27 and 43), so
  // this is shields.io's own build/passing badge, less the unused xlink namespace.
  BadgeSpec badge;
  badge.label = "build";
  badge.message = "passing";
  EXPECT_EQ(
      render_badge(badge),
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20" role="img" aria-label="build: passing">)svg"
      R"svg(<title>build: passing</title><linearGradient id="s" x2="0" y2="100%">)svg"
      R"svg(<stop offset="0" stop-color="#bbb" stop-opacity=".1"/>)svg"
      R"svg(<stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r">)svg"
      R"svg(<rect width="90" height="20" rx="3" fill="#fff"/></clipPath>)svg"
      R"svg(<g clip-path="url(#r)"><rect width="37" height="20" fill="#555"/>)svg"
      R"svg(<rect x="37" width="53" height="20" fill="#4c1"/>)svg"
      R"svg(<rect width="90" height="20" fill="url(#s)"/></g>)svg"
      R"svg(<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">)svg"
      R"svg(<text aria-hidden="true" x="195" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="270">)svg"
      R"svg(build</text>)svg"
      R"svg(<text x="195" y="140" transform="scale(.1)" fill="#fff" textLength="270">)svg"
      R"svg(build</text>)svg"
      R"svg(<text aria-hidden="true" x="625" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="430">)svg"
      R"svg(passing</text>)svg"
      R"svg(<text x="625" y="140" transform="scale(.1)" fill="#fff" textLength="430">)svg"
      R"svg(passing</text></g></svg>)svg");
}

TEST(BadgeRendererTest, EachStyleMatchesItsGoldenFile) {
  expect_golden("flat", render_badge(spec(BadgeStyle::kFlat)));
  expect_golden("flat-square", render_badge(spec(BadgeStyle::kFlatSquare)));
  expect_golden("plastic", render_badge(spec(BadgeStyle::kPlastic)));
  expect_golden("for-the-badge", render_badge(spec(BadgeStyle::kForTheBadge)));
  expect_golden("social", render_badge(spec(BadgeStyle::kSocial)));
}

TEST(BadgeRendererTest, DotsMatchTheirGoldenFiles) {
  expect_golden("dot", render_dot(DotSpec{"#00dfa2", false, "API Server: UP"}));
  expect_golden("dot-ping", render_dot(DotSpec{"#ca3038", true, "API Server: DOWN"}));
}

TEST(BadgeRendererTest, MarkupInTextIsEscaped) {
  BadgeSpec badge;
  badge.label = "<script>alert(1)</script>";
  badge.message = "a & \"b\"";
  for (BadgeStyle style : {BadgeStyle::kFlat, BadgeStyle::kForTheBadge, BadgeStyle::kSocial}) {
    badge.style = style;
    const std::string svg = render_badge(badge);
    EXPECT_EQ(svg.find("<script"), std::string::npos) << svg;
    EXPECT_EQ(svg.find("<SCRIPT"), std::string::npos) << svg;
    EXPECT_NE(svg.find("&amp;"), std::string::npos) << svg;
    EXPECT_NE(svg.find("&quot;"), std::string::npos) << svg;
  }
  EXPECT_NE(render_badge(badge).find("&lt;script&gt;"), std::string::npos);
  const std::string dot = render_dot(DotSpec{"#fff", false, "<b>x</b>"});
  EXPECT_NE(dot.find("<title>&lt;b&gt;x&lt;/b&gt;</title>"), std::string::npos) << dot;
}

TEST(BadgeRendererTest, AccessibleTextNamesLabelAndMessage) {
  const std::string svg = render_badge(spec(BadgeStyle::kFlat));
  EXPECT_NE(svg.find(R"(aria-label="API Server 90d: 99.95%")"), std::string::npos);
  EXPECT_NE(svg.find("<title>API Server 90d: 99.95%</title>"), std::string::npos);
  BadgeSpec message_only;
  message_only.message = "UP";
  EXPECT_NE(render_badge(message_only).find("<title>UP</title>"), std::string::npos);
}

TEST(BadgeRendererTest, ForTheBadgeIsUpperCase) {
  const std::string svg = render_badge(spec(BadgeStyle::kForTheBadge));
  EXPECT_NE(svg.find(">API SERVER 90D</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(font-weight="bold">99.95%</text>)"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(height="28")"), std::string::npos);
}

TEST(BadgeRendererTest, TextColourFollowsTheBackground) {
  BadgeSpec badge;
  badge.label = "l";
  badge.message = "m";
  badge.color = *parse_badge_color("ffc0d9");  // brightness .84: dark text
  EXPECT_NE(render_badge(badge).find(R"(fill="#333" textLength="110">m<)"), std::string::npos)
      << render_badge(badge);
  badge.color = *parse_badge_color("yellow");  // brightness .68: white text
  EXPECT_NE(render_badge(badge).find(R"(fill="#fff" textLength="110">m<)"), std::string::npos);
}

TEST(BadgeColorTest, NamesHexAndRgbLikeShields) {
  EXPECT_EQ(parse_badge_color("brightgreen"), "#4c1");
  EXPECT_EQ(parse_badge_color("lightgray"), "#9f9f9f");
  EXPECT_EQ(parse_badge_color("critical"), "#e05d44");
  EXPECT_EQ(parse_badge_color("FFC0D9"), "#ffc0d9");
  EXPECT_EQ(parse_badge_color("#333"), "#333");
  EXPECT_EQ(parse_badge_color("abcd"), "#abcd");
  EXPECT_EQ(parse_badge_color("rgb(10, 20, 30)"), "rgb(10, 20, 30)");
  EXPECT_FALSE(parse_badge_color("nope"));
  EXPECT_FALSE(parse_badge_color("#12345"));
  EXPECT_FALSE(parse_badge_color("\"/><script>"));
  EXPECT_FALSE(parse_badge_color("rgb(1,2)"));
}

TEST(BadgeColorTest, BrightnessAsShields) {
  EXPECT_DOUBLE_EQ(color_brightness("#fff"), 1);
  EXPECT_DOUBLE_EQ(color_brightness("#000000"), 0);
  EXPECT_DOUBLE_EQ(color_brightness("#dfb317"), 0.68);
  EXPECT_DOUBLE_EQ(color_brightness("#4c1"), 0.56);
  EXPECT_DOUBLE_EQ(color_brightness("rgb(255,255,255)"), 1);
}

}  // namespace
}  // namespace vigil
