// The `maintenances:` section: Kener's fields as code, and how mistakes are reported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(MaintenanceConfig, ReadsKenersFieldsWithRfc3339AndUnixStarts) {
  auto result = load_yaml(R"(
maintenances:
  - title: Weekly database upgrade
    description: "**Short** interruptions"
    start_date_time: "2026-12-06T03:00:00+01:00"
    rrule: FREQ=WEEKLY;BYDAY=SU
    duration_seconds: 7200
    timezone: Europe/Berlin
    is_global: false
    monitors:
      - api
      - tag: db
        impact: DOWN
  - title: One-off move
    start_date_time: 1798000000
    duration_seconds: 600
    status: INACTIVE
)");
  ASSERT_THAT(errors_of(result), ::testing::IsEmpty());
  const auto& maintenances = std::get<VigilConfig>(result).maintenances;
  ASSERT_EQ(maintenances.size(), 2u);
  const Maintenance& weekly = maintenances[0];
  EXPECT_EQ(weekly.title, "Weekly database upgrade");
  EXPECT_EQ(weekly.description, "**Short** interruptions");
  EXPECT_EQ(weekly.start_date_time, 1'796'522'400);  // 2026-12-06T02:00:00Z
  EXPECT_EQ(weekly.rrule, "FREQ=WEEKLY;BYDAY=SU");
  EXPECT_EQ(weekly.duration_seconds, 7200);
  EXPECT_EQ(weekly.timezone, "Europe/Berlin");
  EXPECT_FALSE(weekly.global);
  EXPECT_TRUE(weekly.active);
  EXPECT_THAT(weekly.monitors, ElementsAre(MonitorImpact{"api", Status::kMaintenance},
                                           MonitorImpact{"db", Status::kDown}));
  const Maintenance& once = maintenances[1];
  EXPECT_EQ(once.start_date_time, 1'798'000'000);
  EXPECT_EQ(once.rrule, "FREQ=MINUTELY;COUNT=1");
  EXPECT_EQ(once.timezone, "UTC");
  EXPECT_FALSE(once.active);
  EXPECT_TRUE(once.global);
}

TEST(MaintenanceConfig, ReportsEveryMistakeWithItsLine) {
  auto result = load_yaml(R"(
maintenances:
  - title: A
    start_date_time: next tuesday
    duration_seconds: 0
  - title: A
    start_date_time: 2026-12-06T03:00:00Z
    duration_seconds: 60
    monitors: [{tag: api, impact: BROKEN}]
    colour: red
  - description: no title
    duration_seconds: 60
)");
  EXPECT_THAT(errors_of(result),
              UnorderedElementsAre(ErrorAt(3, "start_date_time"), ErrorAt(4, "duration_seconds"),
                                   ErrorAt(5, "duplicate maintenance 'A'"), ErrorAt(8, "impact"),
                                   ErrorAt(9, "colour"), ErrorAt(10, "title"),
                                   ErrorAt(10, "start_date_time")));
}

}  // namespace
}  // namespace vigil::testing
