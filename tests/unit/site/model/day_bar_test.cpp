#include "site/model/day_bar.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace vigil {
namespace {

StatusCounts counts(std::int64_t up, std::int64_t degraded, std::int64_t down,
                    std::int64_t maintenance) {
  StatusCounts c;
  c.up = up;
  c.degraded = degraded;
  c.down = down;
  c.maintenance = maintenance;
  return c;
}

int percent_of(const std::vector<BarSegment>& segments, Status status) {
  for (const BarSegment& segment : segments) {
    if (segment.status == status) return segment.percent;
  }
  return 0;
}

int sum(const std::vector<BarSegment>& segments) {
  return std::accumulate(segments.begin(), segments.end(), 0,
                         [](int total, const BarSegment& s) { return total + s.percent; });
}

TEST(DayBarTest, WorstStatusWinsTheColour) {
  const UptimeFormula formula = UptimeFormula::standard();
  auto colour = [&](StatusCounts c) { return make_day_bar(DaySummary{{}, c, {}}, formula).status; };
  EXPECT_EQ(colour(counts(1000, 1, 1, 1)), Status::kDown);
  EXPECT_EQ(colour(counts(1000, 1, 0, 1)), Status::kDegraded);
  EXPECT_EQ(colour(counts(1000, 0, 0, 1)), Status::kMaintenance);
  EXPECT_EQ(colour(counts(1000, 0, 0, 0)), Status::kUp);
  EXPECT_EQ(colour(counts(0, 0, 0, 0)), Status::kNoData);
}

TEST(DayBarTest, EmptyDayIsOneNoDataSegment) {
  const std::vector<BarSegment> segments = bar_segments(StatusCounts{});
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0].status, Status::kNoData);
  EXPECT_EQ(segments[0].percent, 100);
}

TEST(DayBarTest, SegmentsAreProportionalWorstFirst) {
  const std::vector<BarSegment> segments = bar_segments(counts(720, 0, 720, 0));
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].status, Status::kDown);
  EXPECT_EQ(segments[0].percent, 50);
  EXPECT_EQ(segments[1].status, Status::kUp);
  EXPECT_EQ(segments[1].percent, 50);
  EXPECT_EQ(bar_segments(counts(1440, 0, 0, 0))[0].percent, 100);
}

TEST(DayBarTest, SmallSegmentsGetFivePercent) {
  // One DOWN minute in a day is 0.07 %, drawn as 5 %.
  const std::vector<BarSegment> segments = bar_segments(counts(1439, 0, 1, 0));
  EXPECT_EQ(percent_of(segments, Status::kDown), 5);
  EXPECT_EQ(percent_of(segments, Status::kUp), 95);
  // Three tiny segments and one large.
  const std::vector<BarSegment> many = bar_segments(counts(1437, 1, 1, 1));
  EXPECT_EQ(percent_of(many, Status::kDown), 5);
  EXPECT_EQ(percent_of(many, Status::kDegraded), 5);
  EXPECT_EQ(percent_of(many, Status::kMaintenance), 5);
  EXPECT_EQ(percent_of(many, Status::kUp), 85);
  // Pinning DOWN to 5 % pushes DEGRADED (5.2 % of the whole) under the minimum too.
  const std::vector<BarSegment> cascade = bar_segments(counts(900, 49, 1, 0));
  EXPECT_EQ(percent_of(cascade, Status::kDown), 5);
  EXPECT_EQ(percent_of(cascade, Status::kDegraded), 5);
  EXPECT_EQ(percent_of(cascade, Status::kUp), 90);
}

TEST(DayBarTest, RoundedSegmentsAlwaysSumTo100WithTheMinimum) {
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    const StatusCounts c =
        counts(random() % 1500, random() % 3 == 0 ? 0 : random() % 400,
               random() % 2 == 0 ? 0 : random() % 100, random() % 4 == 0 ? random() % 50 : 0);
    const std::vector<BarSegment> segments = bar_segments(c);
    EXPECT_EQ(sum(segments), 100);
    for (const BarSegment& segment : segments) {
      if (segment.status != Status::kNoData) {
        EXPECT_GE(segment.percent, kMinSegmentPercent);
      }
    }
  }
  // Thirds round by largest remainder.
  const std::vector<BarSegment> thirds = bar_segments(counts(1, 1, 1, 0));
  EXPECT_EQ(sum(thirds), 100);
  EXPECT_EQ(percent_of(thirds, Status::kDown), 34);  // ties go to the first (worst) segment
}

TEST(DayBarTest, TooltipValues) {
  LocalDay day;
  day.year = 2026;
  day.month = 11;
  day.day = 23;
  const DayBar bar =
      make_day_bar(DaySummary{day, counts(1380, 30, 20, 10), {}}, UptimeFormula::standard());
  EXPECT_EQ(bar.day.day, 23);
  EXPECT_EQ(bar.minutes_up, 1380);
  EXPECT_EQ(bar.minutes_degraded, 30);
  EXPECT_EQ(bar.minutes_down, 20);
  EXPECT_EQ(bar.minutes_maintenance, 10);
  EXPECT_EQ(bar.uptime, format_uptime(UptimeFormula::standard().percent(counts(1380, 30, 20, 10))));
  EXPECT_EQ(make_day_bar(DaySummary{}, UptimeFormula::standard()).uptime, "-");
  // Checks every 20 s: three samples a minute.
  const DayBar fast =
      make_day_bar(DaySummary{day, counts(4200, 0, 120, 0), {}}, UptimeFormula::standard(), 20);
  EXPECT_EQ(fast.minutes_up, 1400);
  EXPECT_EQ(fast.minutes_down, 40);
  // Checks every 5 minutes: each sample stands for five.
  EXPECT_EQ(make_day_bar(DaySummary{day, counts(280, 0, 8, 0), {}}, UptimeFormula::standard(),
                         5 * kMinute)
                .minutes_down,
            40);
}

}  // namespace
}  // namespace vigil
