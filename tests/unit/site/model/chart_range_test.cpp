#include "site/model/chart_range.hpp"

#include <gtest/gtest.h>

#include "fake_rollups.hpp"
#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::FakeRollups;
using testing::utc;

TEST(ChartRangeTest, KenerRangesAndBuckets) {
  const std::vector<std::pair<std::string_view, Seconds>> expected = {
      {"1h", 1},   {"3h", 5},    {"6h", 10},   {"12h", 15},   {"24h", 30},  {"48h", 60},
      {"7d", 180}, {"14d", 360}, {"30d", 720}, {"60d", 1440}, {"90d", 1440}};
  ASSERT_EQ(chart_ranges().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const ChartRange& range = chart_ranges()[i];
    EXPECT_EQ(range.name, expected[i].first);
    EXPECT_EQ(range.bucket, expected[i].second * kMinute) << range.name;
    EXPECT_EQ(range.message_key, "monitor.range_" + std::string(range.name));
    // The source tier's rows fit whole into a bucket.
    EXPECT_EQ(range.bucket % period_of(range.source), 0) << range.name;
    EXPECT_EQ(range.window % range.bucket, 0) << range.name;
  }
  Result<ChartRange> day = chart_range("24h");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->window, kDay);
  EXPECT_EQ(day->source, Granularity::kMinute);
  EXPECT_EQ(chart_range("7d")->source, Granularity::kHour);
  EXPECT_EQ(chart_range("90d")->source, Granularity::kDay);
}

TEST(ChartRangeTest, UnknownRangeIsAnError) {
  Result<ChartRange> bad = chart_range("2w");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(bad.error().message.find("1h 3h 6h"), std::string::npos);
  EXPECT_FALSE(chart_range("").ok());
  EXPECT_FALSE(chart_range("24H").ok());
}

TEST(ChartRangeTest, FoldsRowsIntoBuckets) {
  std::vector<Bucket> rows(3);
  rows[0].start = 0;
  rows[0].add(Status::kUp, 10, "REALTIME", "");
  rows[1].start = 60;
  rows[1].add(Status::kDown, 30, "REALTIME", "");
  rows[2].start = 5 * kMinute;  // inside the second bucket, [3 min, 6 min)
  rows[2].add(Status::kDegraded, 50, "REALTIME", "");
  Bucket outside;
  outside.start = 9 * kMinute;
  outside.add(Status::kUp, 1, "REALTIME", "");
  rows.push_back(outside);
  const std::vector<ChartPoint> points = fold_chart_points(rows, 0, 9 * kMinute, 3 * kMinute);
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].start, 0);
  EXPECT_EQ(points[0].status, Status::kDown);
  EXPECT_DOUBLE_EQ(points[0].avg_ms, 20);
  EXPECT_DOUBLE_EQ(points[0].min_ms, 10);
  EXPECT_DOUBLE_EQ(points[0].max_ms, 30);
  EXPECT_EQ(points[1].start, 3 * kMinute);
  EXPECT_EQ(points[1].status, Status::kDegraded);
  EXPECT_DOUBLE_EQ(points[1].avg_ms, 50);
  EXPECT_EQ(points[2].start, 6 * kMinute);
  EXPECT_EQ(points[2].status, Status::kNoData);  // empty; the row at 9 min is outside
}

TEST(ChartRangeTest, ChartPointsEndWithTheCurrentBucket) {
  FakeRollups rollups;
  const Seconds now = utc(2026, 4, 2, 10, 7, 30);
  for (Seconds t = now - 2 * kHour; t <= now; t += kMinute) rollups.add(t, Status::kUp, 42);
  Result<ChartRange> range = chart_range("1h");
  ASSERT_TRUE(range.ok());
  const std::vector<ChartPoint> points = chart_points(*range, now, rollups.reader());
  ASSERT_EQ(points.size(), 60u);
  EXPECT_EQ(points.back().start, utc(2026, 4, 2, 10, 7));
  EXPECT_EQ(points.front().start, utc(2026, 4, 2, 9, 8));
  EXPECT_EQ(points.back().status, Status::kUp);
  ASSERT_EQ(rollups.reads.size(), 1u);
  EXPECT_EQ(rollups.reads[0].granularity, Granularity::kMinute);
  EXPECT_EQ(rollups.reads[0].to, utc(2026, 4, 2, 10, 8));

  rollups.reads.clear();
  const std::vector<ChartPoint> week = chart_points(*chart_range("7d"), now, rollups.reader());
  EXPECT_EQ(week.size(), 56u);
  EXPECT_EQ(week.back().start, utc(2026, 4, 2, 9));
  EXPECT_DOUBLE_EQ(week.back().avg_ms, 42);
  EXPECT_EQ(rollups.reads[0].granularity, Granularity::kHour);
}

}  // namespace
}  // namespace vigil
