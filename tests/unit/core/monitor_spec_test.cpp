#include "core/monitor_spec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigil {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

MonitorSpec valid_spec() {
  MonitorSpec spec;
  spec.tag = "api-health";
  spec.name = "API health";
  spec.monitor_type = "API";
  spec.cron = "* * * * *";
  return spec;
}

TEST(MonitorSpecTest, TagValidation) {
  EXPECT_TRUE(is_valid_tag("api"));
  EXPECT_TRUE(is_valid_tag("a_b-c9"));
  EXPECT_TRUE(is_valid_tag(std::string(64, 'x')));
  EXPECT_FALSE(is_valid_tag(""));
  EXPECT_FALSE(is_valid_tag(std::string(65, 'x')));
  EXPECT_FALSE(is_valid_tag("Api"));
  EXPECT_FALSE(is_valid_tag("api health"));
  EXPECT_FALSE(is_valid_tag("api/health"));
  EXPECT_FALSE(is_valid_tag("api.health"));
  EXPECT_FALSE(is_valid_tag("ä"));
}

TEST(MonitorSpecTest, ValidSpecHasNoProblems) {
  EXPECT_THAT(validate_common_fields(valid_spec()), IsEmpty());
  MonitorSpec interval = valid_spec();
  interval.cron.clear();
  interval.interval_seconds = 30;
  interval.default_status = Status::kDegraded;
  interval.include_degraded_in_downtime = "YES";
  interval.confirmation_threshold = 60;
  EXPECT_THAT(validate_common_fields(interval), IsEmpty());
}

std::vector<std::string> problems_with(void (*change)(MonitorSpec&)) {
  MonitorSpec spec = valid_spec();
  change(spec);
  return validate_common_fields(spec);
}

TEST(MonitorSpecTest, EachBadFieldIsNamed) {
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.tag = "Bad Tag"; }),
              ElementsAre("tag: must be 1-64 characters of a-z, 0-9, '_' and '-'"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.name = "  "; }),
              ElementsAre("name: must not be empty"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.cron = "61 * * * *"; }),
              ElementsAre("cron: minute field '61' out of range 0-59"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.interval_seconds = 60; }),
              ElementsAre("cron: set either cron or interval_seconds, not both"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.confirmation_threshold = 0; }),
              ElementsAre("confirmation_threshold: must be between 1 and 60"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.confirmation_threshold = 61; }),
              ElementsAre("confirmation_threshold: must be between 1 and 60"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.default_status = Status::kMaintenance; }),
              ElementsAre("default_status: must be UP, DOWN or DEGRADED"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.default_status = Status::kNoData; }),
              ElementsAre("default_status: must be UP, DOWN or DEGRADED"));
  EXPECT_THAT(problems_with([](MonitorSpec& s) { s.include_degraded_in_downtime = "yes"; }),
              ElementsAre("include_degraded_in_downtime: must be YES or NO"));
}

TEST(MonitorSpecTest, IntervalBounds) {
  for (int seconds : {0, -5, 86401}) {
    MonitorSpec spec = valid_spec();
    spec.cron.clear();
    spec.interval_seconds = seconds;
    EXPECT_THAT(validate_common_fields(spec),
                ElementsAre("interval_seconds: must be between 1 and 86400"))
        << seconds;
  }
  for (int seconds : {1, 86400}) {
    MonitorSpec spec = valid_spec();
    spec.cron.clear();
    spec.interval_seconds = seconds;
    EXPECT_THAT(validate_common_fields(spec), IsEmpty()) << seconds;
  }
}

TEST(MonitorSpecTest, AllProblemsAreReportedTogether) {
  MonitorSpec spec = valid_spec();
  spec.tag = "";
  spec.name = "";
  spec.confirmation_threshold = 100;
  EXPECT_EQ(validate_common_fields(spec).size(), 3u);
}

TEST(MonitorSpecTest, WhichMonitorsAreScheduled) {
  EXPECT_TRUE(is_scheduled(valid_spec()));
  MonitorSpec interval = valid_spec();
  interval.cron.clear();
  interval.interval_seconds = 10;
  EXPECT_TRUE(is_scheduled(interval));

  MonitorSpec inactive = valid_spec();
  inactive.active = false;
  EXPECT_FALSE(is_scheduled(inactive));
  MonitorSpec manual = valid_spec();
  manual.monitor_type = "NONE";
  EXPECT_FALSE(is_scheduled(manual));
  MonitorSpec no_schedule = valid_spec();
  no_schedule.cron.clear();
  EXPECT_FALSE(is_scheduled(no_schedule));
}

}  // namespace
}  // namespace vigil
