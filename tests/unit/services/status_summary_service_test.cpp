#include "services/status_summary_service.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <tuple>
#include <vector>

#include "fake_clock.hpp"
#include "services/live_state.hpp"

namespace vigil {
namespace {

using testing::FakeClock;

// 2023-11-14 22:13:20 UTC; 40 s into a minute.
constexpr Millis kNow = 1'700'000'000'000;

Bucket bucket(std::int64_t up, std::int64_t down, std::int64_t degraded = 0,
              std::int64_t maintenance = 0, double latency_ms = 100) {
  Bucket b;
  b.counts.up = up;
  b.counts.down = down;
  b.counts.degraded = degraded;
  b.counts.maintenance = maintenance;
  for (std::int64_t i = 0; i < b.counts.total(); ++i) b.latency.add(latency_ms);
  return b;
}

std::shared_ptr<const MonitorSpec> monitor(const std::string& tag,
                                           const std::string& settings = "{}") {
  auto spec = std::make_shared<MonitorSpec>();
  spec->tag = tag;
  spec->name = tag;
  spec->monitor_settings_json = settings;
  return spec;
}

//! A SumReader that answers every read with the same buckets and records the reads.
struct FakeSums {
  std::map<std::string, Bucket> per_read;
  std::vector<std::tuple<Granularity, Seconds, Seconds>> reads;

  StatusSummaryService::SumReader reader() {
    return [this](Granularity g, Seconds from, Seconds to) {
      reads.emplace_back(g, from, to);
      return per_read;
    };
  }
};

class StatusSummaryServiceTest : public ::testing::Test {
 protected:
  FakeClock clock_{kNow};
  LiveState live_;
  FakeSums sums_;
  StatusSummaryService service_{sums_.reader(), live_, clock_};
};

TEST_F(StatusSummaryServiceTest, OneReadPerRollupSpanForAllMonitors) {
  sums_.per_read = {{"a", bucket(10, 0)}, {"b", bucket(5, 5)}};
  const std::vector monitors = {monitor("a"), monitor("b"), monitor("c")};
  const auto result = service_.summaries(monitors, 90 * kDay);
  ASSERT_EQ(result.size(), 3u);
  // 90 days not aligned to hours: minutes, hours and days up to today, then today's day rollup.
  EXPECT_EQ(sums_.reads.size(), 4u);
  const std::int64_t reads = static_cast<std::int64_t>(sums_.reads.size());
  EXPECT_EQ(result[0].counts.up, 10 * reads);
  EXPECT_EQ(result[1].counts.down, 5 * reads);
  EXPECT_EQ(result[2].counts.total(), 0);
  EXPECT_FALSE(result[2].uptime_percent.has_value());
  ASSERT_TRUE(result[1].uptime_percent.has_value());
  EXPECT_DOUBLE_EQ(*result[1].uptime_percent, 50);
}

TEST_F(StatusSummaryServiceTest, TheWindowEndsAfterTheCurrentMinute) {
  service_.summary(*monitor("a"), kHour);
  const Seconds minute_end = floor_to(kNow / 1000, kMinute) + kMinute;
  ASSERT_FALSE(sums_.reads.empty());
  EXPECT_EQ(std::get<1>(sums_.reads.front()), minute_end - kHour);
  EXPECT_EQ(std::get<2>(sums_.reads.back()), minute_end);
}

TEST_F(StatusSummaryServiceTest, TheSettledPastIsReadOnceAndTodayEveryTime) {
  sums_.per_read = {{"a", bucket(10, 0)}};
  const auto first = service_.summary(*monitor("a"), 90 * kDay);
  const std::size_t cold_reads = sums_.reads.size();
  sums_.reads.clear();
  const auto second = service_.summary(*monitor("a"), 90 * kDay);
  const Seconds today = floor_to(kNow / 1000, kDay);
  ASSERT_EQ(sums_.reads.size(), 1u);
  EXPECT_EQ(sums_.reads[0], std::make_tuple(Granularity::kDay, today, today + kDay));
  EXPECT_EQ(second.counts.up, first.counts.up);
  EXPECT_EQ(first.counts.up, 10 * static_cast<std::int64_t>(cold_reads));

  sums_.reads.clear();
  service_.forget_past();
  service_.summary(*monitor("a"), 90 * kDay);
  EXPECT_EQ(sums_.reads.size(), cold_reads);
}

TEST_F(StatusSummaryServiceTest, JustAfterMidnightYesterdayIsStillReadFresh) {
  const Seconds today = floor_to(kNow / 1000, kDay) + kDay;
  clock_.set((today + 5 * kMinute) * 1000);
  service_.summary(*monitor("a"), 30 * kDay);
  ASSERT_FALSE(sums_.reads.empty());
  EXPECT_EQ(sums_.reads.back(), std::make_tuple(Granularity::kDay, today - kDay, today + kDay));
}

TEST_F(StatusSummaryServiceTest, WindowsWithinTodayAreNotCached) {
  service_.summary(*monitor("a"), kHour);
  const std::size_t reads = sums_.reads.size();
  service_.summary(*monitor("a"), kHour);
  EXPECT_EQ(sums_.reads.size(), 2 * reads);
}

TEST_F(StatusSummaryServiceTest, LiveStatusAndLatencyComeFromTheLiveState) {
  live_.set("a", LiveStatus{Status::kDegraded, 321, kNow, "REALTIME", kNow});
  const auto seen = service_.summary(*monitor("a"), kMinute);
  EXPECT_EQ(seen.status, Status::kDegraded);
  EXPECT_DOUBLE_EQ(seen.live_latency_ms, 321);
  EXPECT_EQ(service_.summary(*monitor("never"), kMinute).status, Status::kNoData);
}

TEST_F(StatusSummaryServiceTest, UsesTheMonitorsFormulaFromKenersKeys) {
  sums_.per_read = {{"a", bucket(6, 2, 2, 0)}};
  // Kener's code default counts DEGRADED as up: (6 + 2) / 10.
  EXPECT_DOUBLE_EQ(*service_.summary(*monitor("a"), kMinute).uptime_percent, 80);
  const auto strict = monitor("a", R"({"uptime_formula_numerator": "up",
                                       "uptime_formula_denominator": "up + down + degraded"})");
  EXPECT_DOUBLE_EQ(*service_.summary(*strict, kMinute).uptime_percent, 60);
  // Only the numerator given: the denominator stays the default.
  const auto half = monitor("a", R"({"uptime_formula_numerator": "up"})");
  EXPECT_DOUBLE_EQ(*service_.summary(*half, kMinute).uptime_percent, 60);
}

TEST_F(StatusSummaryServiceTest, InvalidSettingsFallBackToTheStandardFormula) {
  sums_.per_read = {{"a", bucket(6, 2, 2, 0)}};
  for (const std::string settings : {"not json", "[]", R"({"uptime_formula_numerator": "up +"})",
                                     R"({"uptime_formula_numerator": 5})"}) {
    const auto result = service_.summary(*monitor("a", settings), kMinute);
    ASSERT_TRUE(result.uptime_percent.has_value()) << settings;
    EXPECT_DOUBLE_EQ(*result.uptime_percent, 80) << settings;
  }
}

TEST_F(StatusSummaryServiceTest, LatencyStatsAreMergedOverTheWindow) {
  Bucket slow = bucket(1, 0, 0, 0, 300);
  sums_.per_read = {{"a", slow}};
  const auto result = service_.summary(*monitor("a"), kHour + kMinute);
  EXPECT_EQ(result.latency.count, static_cast<std::int64_t>(sums_.reads.size()));
  EXPECT_DOUBLE_EQ(result.latency.avg(), 300);
  EXPECT_DOUBLE_EQ(result.latency.max, 300);
}

MonitorSummary with_status(Status status) {
  MonitorSummary summary;
  summary.status = status;
  return summary;
}

TEST(OverallStatusTest, ProblemFirst) {
  using enum Status;
  EXPECT_EQ(overall_status({}), kNoData);
  EXPECT_EQ(overall_status({with_status(kNoData)}), kNoData);
  EXPECT_EQ(overall_status({with_status(kUp), with_status(kNoData)}), kUp);
  EXPECT_EQ(overall_status({with_status(kUp), with_status(kMaintenance)}), kMaintenance);
  EXPECT_EQ(overall_status({with_status(kMaintenance), with_status(kDegraded)}), kDegraded);
  EXPECT_EQ(overall_status({with_status(kDown), with_status(kDegraded), with_status(kUp)}), kDown);
}

}  // namespace
}  // namespace vigil
