#include "site/model/day_history.hpp"

#include <gtest/gtest.h>

#include <random>

#include "fake_rollups.hpp"
#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::FakeRollups;
using testing::utc;

constexpr Status kStatuses[] = {Status::kUp,       Status::kUp,   Status::kUp,
                                Status::kDegraded, Status::kDown, Status::kMaintenance};

//! Fills every minute of [from, to) with a pseudo-random status and latency, and returns the
//! per-day reference sums computed minute by minute.
std::vector<DaySummary> fill(FakeRollups& rollups, const std::vector<LocalDay>& days, Seconds from,
                             Seconds to) {
  std::mt19937 random(42);
  std::vector<DaySummary> reference;
  for (const LocalDay& day : days) reference.push_back(DaySummary{day, {}, {}});
  for (Seconds t = from; t < to; t += kMinute) {
    const Status status = kStatuses[random() % std::size(kStatuses)];
    const double latency = static_cast<double>(random() % 500);
    rollups.add(t, status, latency);
    for (DaySummary& summary : reference) {
      if (t >= summary.day.start_utc && t < summary.day.end_utc) {
        summary.counts.add(status);
        summary.latency.add(latency);
      }
    }
  }
  return reference;
}

void expect_same(const std::vector<DaySummary>& actual, const std::vector<DaySummary>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    SCOPED_TRACE("day " + std::to_string(expected[i].day.day));
    EXPECT_EQ(actual[i].day.start_utc, expected[i].day.start_utc);
    EXPECT_EQ(actual[i].counts.up, expected[i].counts.up);
    EXPECT_EQ(actual[i].counts.down, expected[i].counts.down);
    EXPECT_EQ(actual[i].counts.degraded, expected[i].counts.degraded);
    EXPECT_EQ(actual[i].counts.maintenance, expected[i].counts.maintenance);
    EXPECT_EQ(actual[i].latency.count, expected[i].latency.count);
    EXPECT_DOUBLE_EQ(actual[i].latency.sum, expected[i].latency.sum);
    EXPECT_DOUBLE_EQ(actual[i].latency.min, expected[i].latency.min);
    EXPECT_DOUBLE_EQ(actual[i].latency.max, expected[i].latency.max);
  }
}

std::vector<LocalDay> days_in(std::string_view zone, Seconds now, int days) {
  Result<std::vector<LocalDay>> result = local_days(zone, now, days);
  EXPECT_TRUE(result.ok());
  return result.ok() ? *result : std::vector<LocalDay>{};
}

TEST(DayHistoryTest, WholeHourZoneIsOneHourRead) {
  const Seconds now = utc(2026, 3, 31, 10, 17);
  const std::vector<LocalDay> days = days_in("Europe/Berlin", now, 4);  // includes the 23 h day
  FakeRollups rollups;
  const std::vector<DaySummary> reference = fill(rollups, days, days.front().start_utc - kDay, now);
  expect_same(build_day_history(days, rollups.reader()), reference);
  ASSERT_EQ(rollups.reads.size(), 1u);
  EXPECT_EQ(rollups.reads[0].granularity, Granularity::kHour);
  EXPECT_EQ(rollups.reads[0].from, days.front().start_utc);
  EXPECT_EQ(rollups.reads[0].to, days.back().end_utc);
}

TEST(DayHistoryTest, UtcUsesDayRows) {
  const Seconds now = utc(2026, 5, 10, 8);
  const std::vector<LocalDay> days = days_in("UTC", now, 3);
  FakeRollups rollups;
  const std::vector<DaySummary> reference = fill(rollups, days, days.front().start_utc, now);
  expect_same(build_day_history(days, rollups.reader()), reference);
  ASSERT_EQ(rollups.reads.size(), 1u);
  EXPECT_EQ(rollups.reads[0].granularity, Granularity::kDay);
}

TEST(DayHistoryTest, HalfHourZoneSplitsBoundaryHoursByMinute) {
  const Seconds now = utc(2026, 1, 12, 20, 40);  // 02:10 on the 13th in India
  const std::vector<LocalDay> days = days_in("Asia/Kolkata", now, 4);
  FakeRollups rollups;
  // Data from well before the first day to now, so the outer boundary hour is split too.
  const std::vector<DaySummary> reference =
      fill(rollups, days, days.front().start_utc - 3 * kHour, now);
  expect_same(build_day_history(days, rollups.reader()), reference);
  // One hour read, then one minute read per boundary hour holding data (4 day starts; the
  // last day's end is in the future).
  ASSERT_EQ(rollups.reads.size(), 5u);
  EXPECT_EQ(rollups.reads[0].granularity, Granularity::kHour);
  EXPECT_EQ(rollups.reads[0].from, utc(2026, 1, 9, 18));
  EXPECT_EQ(rollups.reads[0].to, utc(2026, 1, 13, 19));
  for (std::size_t i = 1; i < rollups.reads.size(); ++i) {
    EXPECT_EQ(rollups.reads[i].granularity, Granularity::kMinute);
    EXPECT_EQ(rollups.reads[i].to - rollups.reads[i].from, kHour);
  }
}

TEST(DayHistoryTest, QuarterHourZoneMatchesMinuteReference) {
  const Seconds now = utc(2026, 6, 3, 12, 1);
  const std::vector<LocalDay> days = days_in("Asia/Kathmandu", now, 3);
  FakeRollups rollups;
  const std::vector<DaySummary> reference = fill(rollups, days, days.front().start_utc, now);
  expect_same(build_day_history(days, rollups.reader()), reference);
}

TEST(DayHistoryTest, PrunedMinutesCountTheHourForTheDayItStartsIn) {
  const Seconds now = utc(2026, 1, 12, 12);
  const std::vector<LocalDay> days = days_in("Asia/Kolkata", now, 2);
  FakeRollups rollups;
  // Only the boundary hour 18:00-19:00 UTC on the 11th holds data: 30 minutes before the
  // local midnight (18:30) and 30 after.
  for (Seconds t = utc(2026, 1, 11, 18); t < utc(2026, 1, 11, 19); t += kMinute) {
    rollups.add(t, Status::kUp, 10);
  }
  const std::vector<DaySummary> split = build_day_history(days, rollups.reader());
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[0].counts.up, 30);
  EXPECT_EQ(split[1].counts.up, 30);

  rollups.prune_minutes_before(utc(2026, 1, 12));
  const std::vector<DaySummary> whole = build_day_history(days, rollups.reader());
  EXPECT_EQ(whole[0].counts.up, 60);
  EXPECT_EQ(whole[1].counts.up, 0);
}

TEST(DayHistoryTest, EmptyDaysHaveNoCounts) {
  const std::vector<LocalDay> days = days_in("Europe/Berlin", utc(2026, 2, 2), 2);
  FakeRollups rollups;
  const std::vector<DaySummary> history = build_day_history(days, rollups.reader());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].counts.total(), 0);
  EXPECT_EQ(history[1].latency.count, 0);
  EXPECT_TRUE(build_day_history({}, rollups.reader()).empty());
}

}  // namespace
}  // namespace vigil
