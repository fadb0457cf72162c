#include "core/page_spec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigil {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string sanitized(std::string_view requested) {
  auto path = sanitize_page_path(requested);
  return path.ok() ? path.value() : "error: " + path.error().message;
}

PageSpec valid_page() {
  PageSpec page;
  page.page_path = "services";
  page.page_title = "Services";
  page.page_header = "Our services";
  page.monitors = {"api", "db"};
  return page;
}

TEST(PageSpecTest, SanitisesPathsAsKenerDoes) {
  EXPECT_EQ(sanitized("Status Page"), "status-page");
  EXPECT_EQ(sanitized("  API \t v2  "), "api-v2");
  EXPECT_EQ(sanitized("team/a.b"), "teamab");
  EXPECT_EQ(sanitized("My_Page-1"), "my_page-1");
  EXPECT_EQ(sanitized("Caf\xc3\xa9 status"), "caf-status");
}

TEST(PageSpecTest, HomeTokenIsTheEmptyPath) {
  EXPECT_EQ(sanitized("~home"), "");
  EXPECT_EQ(page_path_token(""), "~home");
  EXPECT_EQ(page_path_token("services"), "services");
}

TEST(PageSpecTest, RejectsPathsThatCannotBeSanitised) {
  EXPECT_THAT(sanitized(""), HasSubstr("page_path: must not be empty"));
  EXPECT_THAT(sanitized("   "), HasSubstr("page_path: must not be empty"));
  EXPECT_THAT(sanitized("!!!"), HasSubstr("page_path: '!!!' has no letters"));
  EXPECT_THAT(sanitized(std::string(65, 'a')), HasSubstr("at most 64"));
  EXPECT_EQ(sanitized(std::string(64, 'a')), std::string(64, 'a'));
}

TEST(PageSpecTest, RejectsVigilsOwnRoutes) {
  EXPECT_THAT(sanitized("api"), HasSubstr("'api' is reserved"));
  EXPECT_THAT(sanitized("Monitors"), HasSubstr("'monitors' is reserved"));
  EXPECT_THAT(sanitized("healthcheck"), HasSubstr("reserved"));
  EXPECT_THAT(sanitized("unsubscribe"), HasSubstr("reserved"));
  EXPECT_EQ(sanitized("api-status"), "api-status");
}

TEST(PageSpecTest, ValidPageHasNoProblems) {
  EXPECT_THAT(validate_page_fields(valid_page()), IsEmpty());
  PageSpec home = valid_page();
  home.page_path = "";
  EXPECT_THAT(validate_page_fields(home), IsEmpty());
}

TEST(PageSpecTest, ReportsEveryBadField) {
  PageSpec page = valid_page();
  page.page_path = "Not Sanitised";
  page.page_title = "  ";
  page.page_header = "";
  page.monitors = {"api", "Bad Tag", "api"};
  EXPECT_THAT(
      validate_page_fields(page),
      ElementsAre(HasSubstr("page_path: "), "page_title: must not be empty",
                  "page_header: must not be empty", "monitors: 'Bad Tag' is not a monitor tag",
                  "monitors: 'api' is listed twice"));
}

TEST(PageSpecTest, DefaultSettingsAreKeners) {
  PageSettings settings;
  EXPECT_EQ(settings.history_days_desktop, 90);
  EXPECT_EQ(settings.history_days_mobile, 30);
  EXPECT_EQ(settings.monitor_layout_style, "default-list");
  EXPECT_EQ(settings.incidents.resolved_max_count, 5);
  EXPECT_EQ(settings.include_maintenances.upcoming_days_in_future, 30);
  EXPECT_THAT(validate_page_settings(settings), IsEmpty());
  EXPECT_THAT(std::string(default_page_settings_json()), HasSubstr(R"("desktop":90)"));
}

TEST(PageSpecTest, ChecksSettingRangesAndChoices) {
  PageSettings settings;
  settings.history_days_desktop = 0;
  settings.history_days_mobile = 366;
  settings.monitor_layout_style = "tiles";
  settings.incidents.resolved_max_count = -1;
  settings.include_maintenances.upcoming_days_in_future = -2;
  EXPECT_THAT(
      validate_page_settings(settings),
      ElementsAre("page_settings.monitor_status_history_days.desktop: must be between 1 and 365",
                  "page_settings.monitor_status_history_days.mobile: must be between 1 and 365",
                  HasSubstr("page_settings.monitor_layout_style: must be one of default-list"),
                  "page_settings.incidents.resolved.max_count: must be at least 0",
                  "page_settings.include_maintenances.ongoing.upcoming.days_in_future: must be at "
                  "least 0"));
}

}  // namespace
}  // namespace vigil
