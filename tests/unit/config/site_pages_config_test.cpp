// The `site:` and `pages:` sections: what they read into and how their mistakes are reported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

VigilConfig loaded(std::string_view yaml) {
  auto result = load_yaml(yaml);
  for (const ConfigError& error : errors_of(result)) ADD_FAILURE() << error.to_string();
  return std::holds_alternative<VigilConfig>(result) ? std::get<VigilConfig>(result)
                                                     : VigilConfig{};
}

TEST(SitePagesConfig, ReadsSiteValuesAsJsonInFileOrder) {
  const VigilConfig config = loaded(R"(
site:
  siteName: Vigil demo
  themeToggle: true
  colors:
    UP: "#00ff00"
    DOWN: "#ff0000"
    DEGRADED: "#ffff00"
    MAINTENANCE: "#0000ff"
  announcement: ~
  timezone: Europe/Berlin
)");
  EXPECT_THAT(config.site,
              ElementsAre(SiteDataEntry{"siteName", SiteDataType::kString, R"("Vigil demo")"},
                          SiteDataEntry{"themeToggle", SiteDataType::kString, "true"},
                          SiteDataEntry{"colors", SiteDataType::kObject,
                                        R"({"UP":"#00ff00","DOWN":"#ff0000","DEGRADED":"#ffff00",)"
                                        R"("MAINTENANCE":"#0000ff"})"},
                          SiteDataEntry{"announcement", SiteDataType::kObject, "null"},
                          SiteDataEntry{"timezone", SiteDataType::kString, R"("Europe/Berlin")"}));
}

TEST(SitePagesConfig, ReadsPagesWithTheHomePageAsEmptyOrTilde) {
  const VigilConfig config = loaded(R"(
pages:
  - path: "~home"
    title: Acme
    header: Acme status
    subheader: "**Live** status"
    logo: /logo.svg
    monitors: [web, api]
  - path: internal-tools
    title: Internal
    header: Internal tools
    settings:
      monitor_layout_style: compact-grid
      monitor_status_history_days: {desktop: 30}
)");
  ASSERT_EQ(config.pages.size(), 2u);
  const PageSpec& home = config.pages[0];
  EXPECT_EQ(home.page_path, "");
  EXPECT_EQ(home.page_title, "Acme");
  EXPECT_EQ(home.page_header, "Acme status");
  EXPECT_EQ(home.page_subheader, "**Live** status");
  EXPECT_EQ(home.page_logo, "/logo.svg");
  EXPECT_THAT(home.monitors, ElementsAre("web", "api"));
  EXPECT_EQ(home.page_settings_json, "{}");
  const PageSpec& tools = config.pages[1];
  EXPECT_EQ(tools.page_path, "internal-tools");
  EXPECT_THAT(tools.monitors, IsEmpty());
  EXPECT_EQ(
      tools.page_settings_json,
      R"({"monitor_layout_style":"compact-grid","monitor_status_history_days":{"desktop":30}})");

  EXPECT_EQ(loaded("pages:\n  - {path: \"\", title: A, header: B}\n").pages.at(0).page_path, "");
}

TEST(SitePagesConfig, ReportsBadSiteKeysAndValuesWhereTheyAre) {
  const auto errors = errors_of(load_yaml(R"(
site:
  siteName: ""
  favouriteColour: blue
  colors:
    UP: green
  theme: neon
  timezone: Mars/Olympus
  nav:
    - name: Docs
)"));
  EXPECT_THAT(errors, ElementsAre(ErrorAt(2, "siteName: must be a non-empty string"),
                                  ErrorAt(3, "unknown key 'favouriteColour' in site"),
                                  ErrorAt(4, "colors.DOWN: is required"),
                                  ErrorAt(6, "theme: must be light, dark, system or none"),
                                  ErrorAt(7, "timezone: 'Mars/Olympus' is not an IANA time zone"),
                                  ErrorAt(8, "nav[0].url: is required")));
  EXPECT_THAT(errors[2].message, HasSubstr("colors.UP: must be a hex colour"));
  EXPECT_THAT(errors[1].message, HasSubstr("known keys: title, siteName,"));
}

TEST(SitePagesConfig, ReportsBadPagesWhereTheyAre) {
  const auto errors = errors_of(load_yaml(R"(
pages:
  - path: Status Page
    title: Status
    header: Status
  - path: api
    title: API
    header: API
  - title: No path
    header: Still none
  - path: tools
    header: Tools
    monitors: [web, Web]
    colour: red
  - path: tools
    title: Tools again
    header: Tools
    settings:
      monitor_status_history_days: {desktop: 0}
      incidents: yes
  - path: "~home"
    title: Home
    header: Home
    monitors: web
)"));
  EXPECT_THAT(
      errors,
      ElementsAre(
          ErrorAt(2, "path: must be written as 'status-page'"),
          ErrorAt(5, "path: 'api' is reserved"),
          ErrorAt(8, "path: is required (\"~home\" for the home page)"),
          ErrorAt(10, "title: must not be empty"),
          ErrorAt(12, "monitors: 'Web' is not a monitor tag"),
          ErrorAt(13, "unknown key 'colour' in a page"),
          ErrorAt(14, "path: duplicate page 'tools' (first declared on line 10)"),
          ErrorAt(17, "settings.incidents: must be an object"),
          ErrorAt(17, "settings.monitor_status_history_days.desktop: must be between 1 and 365"),
          ErrorAt(23, "monitors: expected a list, got 'web'")));
  EXPECT_EQ(errors[0].column, 5);
}

}  // namespace
}  // namespace vigil::testing
