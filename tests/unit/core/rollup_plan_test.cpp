#include "core/rollup_plan.hpp"

#include <gtest/gtest.h>

#include <random>

#include "utc_time.hpp"

namespace vigil {

// gtest prints and compares spans through ADL, so these live in vigil itself.
bool operator==(const RollupSpan& a, const RollupSpan& b) {
  return a.granularity == b.granularity && a.from == b.from && a.to == b.to;
}

std::ostream& operator<<(std::ostream& out, const RollupSpan& span) {
  const char* names[] = {"minute", "hour", "day"};
  return out << names[static_cast<int>(span.granularity)] << "[" << span.from << ", " << span.to
             << ")";
}

namespace {

using testing::utc;

RollupSpan span(Granularity g, Seconds from, Seconds to) {
  return RollupSpan{g, from, to};
}

TEST(RollupPlanTest, EmptyOrBackwardsWindowHasNoSpans) {
  EXPECT_TRUE(plan_rollup_spans(utc(2024, 1, 1), utc(2024, 1, 1)).empty());
  EXPECT_TRUE(plan_rollup_spans(utc(2024, 1, 2), utc(2024, 1, 1)).empty());
  // Both ends floor to the same minute.
  EXPECT_TRUE(plan_rollup_spans(utc(2024, 1, 1, 5, 0, 10), utc(2024, 1, 1, 5, 0, 50)).empty());
}

TEST(RollupPlanTest, NinetyAlignedDaysAreOneDaySpan) {
  const Seconds to = utc(2024, 4, 1);
  const Seconds from = to - 90 * kDay;
  std::vector<RollupSpan> expected = {span(Granularity::kDay, from, to)};
  EXPECT_EQ(plan_rollup_spans(from, to), expected);
}

TEST(RollupPlanTest, NinetyDaysEndingNowUsesEveryTier) {
  const Seconds now = utc(2024, 4, 1, 13, 45, 10);
  std::vector<RollupSpan> expected = {
      span(Granularity::kMinute, utc(2024, 1, 2, 13, 45), utc(2024, 1, 2, 14, 0)),
      span(Granularity::kHour, utc(2024, 1, 2, 14, 0), utc(2024, 1, 3)),
      span(Granularity::kDay, utc(2024, 1, 3), utc(2024, 4, 1)),
      span(Granularity::kHour, utc(2024, 4, 1), utc(2024, 4, 1, 13, 0)),
      span(Granularity::kMinute, utc(2024, 4, 1, 13, 0), utc(2024, 4, 1, 13, 45)),
  };
  EXPECT_EQ(plan_rollup_spans(now - 90 * kDay, now), expected);
}

TEST(RollupPlanTest, WithinOneHourIsMinutesOnly) {
  std::vector<RollupSpan> expected = {
      span(Granularity::kMinute, utc(2024, 1, 1, 10, 5), utc(2024, 1, 1, 10, 50))};
  EXPECT_EQ(plan_rollup_spans(utc(2024, 1, 1, 10, 5, 30), utc(2024, 1, 1, 10, 50, 59)), expected);
  // Crossing one hour boundary without a whole hour inside is still one minute span.
  expected = {span(Granularity::kMinute, utc(2024, 1, 1, 10, 5), utc(2024, 1, 1, 11, 30))};
  EXPECT_EQ(plan_rollup_spans(utc(2024, 1, 1, 10, 5), utc(2024, 1, 1, 11, 30)), expected);
}

TEST(RollupPlanTest, AcrossMidnightWithoutAWholeDay) {
  std::vector<RollupSpan> expected = {
      span(Granularity::kMinute, utc(2024, 1, 1, 22, 30), utc(2024, 1, 1, 23, 0)),
      span(Granularity::kHour, utc(2024, 1, 1, 23, 0), utc(2024, 1, 2, 1, 0)),
      span(Granularity::kMinute, utc(2024, 1, 2, 1, 0), utc(2024, 1, 2, 1, 30)),
  };
  EXPECT_EQ(plan_rollup_spans(utc(2024, 1, 1, 22, 30), utc(2024, 1, 2, 1, 30)), expected);
}

TEST(RollupPlanTest, AlignedHoursAreOneHourSpan) {
  std::vector<RollupSpan> expected = {
      span(Granularity::kHour, utc(2024, 1, 1, 3), utc(2024, 1, 1, 9))};
  EXPECT_EQ(plan_rollup_spans(utc(2024, 1, 1, 3), utc(2024, 1, 1, 9)), expected);
}

TEST(RollupPlanTest, RandomWindowsAreCoveredExactlyByAlignedOrderedSpans) {
  std::mt19937_64 random(42);
  std::uniform_int_distribution<Seconds> start(utc(2023, 1, 1), utc(2025, 1, 1));
  std::uniform_int_distribution<Seconds> length(0, 120 * kDay);
  for (int i = 0; i < 2000; ++i) {
    const Seconds from = start(random);
    const Seconds to = from + length(random);
    const auto spans = plan_rollup_spans(from, to);
    Seconds cursor = floor_to(from, kMinute);
    for (const RollupSpan& s : spans) {
      const Seconds period = period_of(s.granularity);
      ASSERT_EQ(s.from, cursor) << s;
      ASSERT_LT(s.from, s.to) << s;
      ASSERT_EQ(s.from % period, 0) << s;
      ASSERT_EQ(s.to % period, 0) << s;
      cursor = s.to;
    }
    ASSERT_EQ(cursor, floor_to(to, kMinute)) << from << " " << to;
    ASSERT_LE(spans.size(), 5u);
  }
}

}  // namespace
}  // namespace vigil
