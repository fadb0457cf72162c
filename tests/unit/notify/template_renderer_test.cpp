// Mustache rendering with JSON, HTML and no escaping.
#include "alerting/notify/template_renderer.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

const boost::json::object kVariables{
    {"name", "a \"b\"\n<c>"}, {"count", 3}, {"up", true}, {"items", boost::json::array{"x", "y"}}};

TEST(TemplateRendererTest, JsonEscapingKeepsTheBodyValid) {
  auto out =
      render_template(R"({"n": "{{name}}", "c": {{count}}})", kVariables, TemplateEscape::kJson);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, R"({"n": "a \"b\"\n<c>", "c": 3})");
}

TEST(TemplateRendererTest, HtmlEscapingAndTripleBracesRaw) {
  auto out = render_template("{{name}}|{{{name}}}", kVariables, TemplateEscape::kHtml);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "a &quot;b&quot;\n&lt;c&gt;|a \"b\"\n<c>");
}

TEST(TemplateRendererTest, SectionsListsAndPlainText) {
  auto out = render_template("{{#up}}UP{{/up}} {{#items}}[{{.}}]{{/items}} {{name}}", kVariables,
                             TemplateEscape::kNone);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "UP [x][y] a \"b\"\n<c>");
}

TEST(TemplateRendererTest, InvalidTemplateIsAnError) {
  auto out = render_template("{{#open}}", kVariables, TemplateEscape::kNone);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace vigil
