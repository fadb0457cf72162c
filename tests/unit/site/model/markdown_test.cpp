#include "site/model/markdown.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(MarkdownTest, RendersCommonMark) {
  EXPECT_EQ(render_markdown("Hello **world**"), "<p>Hello <strong>world</strong></p>\n");
  EXPECT_TRUE(contains(render_markdown("# Title\n\n- a\n- b\n"), "<h1>Title</h1>"));
  EXPECT_TRUE(contains(render_markdown("[docs](https://example.com)"),
                       "<a href=\"https://example.com\">docs</a>"));
  EXPECT_EQ(render_markdown(""), "");
}

TEST(MarkdownTest, RendersGitHubExtensions) {
  const std::string table = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n");
  EXPECT_TRUE(contains(table, "<table>"));
  EXPECT_TRUE(contains(table, "<td>2</td>"));
  EXPECT_TRUE(contains(render_markdown("~~gone~~"), "<del>gone</del>"));
  EXPECT_TRUE(contains(render_markdown("see https://status.example.com now"),
                       "<a href=\"https://status.example.com\">"));
  const std::string tasks = render_markdown("- [x] done\n- [ ] todo\n");
  EXPECT_TRUE(contains(tasks, "type=\"checkbox\""));
  EXPECT_TRUE(contains(tasks, "checked"));
}

TEST(MarkdownTest, RawHtmlNeverComesOutActive) {
  for (std::string_view input :
       {"<script>alert(1)</script>", "Hi <script>alert(1)</script> there",
        "<img src=x onerror=alert(1)>", "<iframe src=\"https://evil\"></iframe>",
        "<div onclick=\"alert(1)\">x</div>", "text <b onmouseover=alert(1)>bold</b>"}) {
    const std::string html = render_markdown(input);
    EXPECT_FALSE(contains(html, "<script")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "<img")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "<iframe")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "onerror=")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "onclick=")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "<b ")) << input << " → " << html;
  }
}

TEST(MarkdownTest, DangerousLinksAreEmptied) {
  for (std::string_view input :
       {"[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))",
        "[click](vbscript:msgbox(1))", "<javascript:alert(1)>",
        "[click](data:text/html;base64,PHNjcmlwdD4=)", "![x](javascript:alert(1))"}) {
    const std::string html = render_markdown(input);
    EXPECT_FALSE(contains(html, "href=\"javascript")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "href=\"JAVASCRIPT")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "href=\"vbscript")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "href=\"data:")) << input << " → " << html;
    EXPECT_FALSE(contains(html, "src=\"javascript")) << input << " → " << html;
  }
}

}  // namespace
}  // namespace vigil
