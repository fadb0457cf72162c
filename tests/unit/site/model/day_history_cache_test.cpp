#include "site/model/day_history_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "fake_rollups.hpp"
#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::FakeRollups;
using testing::utc;

constexpr std::string_view kZone = "Europe/Berlin";

std::vector<DaySummary> cached(DayHistoryCache& cache, FakeRollups& rollups, Seconds now,
                               int days = 90, const std::string& tag = "api") {
  Result<std::vector<DaySummary>> result = cache.get(tag, kZone, now, days, rollups.reader());
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? *result : std::vector<DaySummary>{};
}

std::int64_t total_up(const std::vector<DaySummary>& days) {
  std::int64_t up = 0;
  for (const DaySummary& day : days) up += day.counts.up;
  return up;
}

class DayHistoryCacheTest : public ::testing::Test {
 protected:
  // Noon in Berlin on 2026-06-10; one sample an hour over the last 100 days.
  void SetUp() override {
    for (Seconds t = now_ - 100 * kDay; t < now_; t += kHour) rollups_.add(t, Status::kUp, 20);
  }

  const Seconds now_ = utc(2026, 6, 10, 10);
  FakeRollups rollups_;
  DayHistoryCache cache_;
};

TEST_F(DayHistoryCacheTest, WarmCallsReadOnlyToday) {
  const std::vector<DaySummary> first = cached(cache_, rollups_, now_);
  ASSERT_EQ(first.size(), 90u);
  EXPECT_EQ(rollups_.reads.size(), 1u);
  rollups_.reads.clear();

  rollups_.add(now_ + 30, Status::kDown, 900);
  const std::vector<DaySummary> second = cached(cache_, rollups_, now_ + kMinute);
  ASSERT_EQ(rollups_.reads.size(), 1u);
  EXPECT_EQ(rollups_.reads[0].from, utc(2026, 6, 9, 22));  // today's local midnight
  EXPECT_EQ(second.back().counts.down, 1);
  EXPECT_EQ(total_up(second), total_up(first));

  Result<std::vector<LocalDay>> days = local_days(kZone, now_ + kMinute, 90);
  ASSERT_TRUE(days.ok());
  const std::vector<DaySummary> fresh = build_day_history(*days, rollups_.reader());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(second[i].counts.up, fresh[i].counts.up);
    EXPECT_EQ(second[i].counts.down, fresh[i].counts.down);
  }
}

TEST_F(DayHistoryCacheTest, PastWritesShowAfterInvalidate) {
  cached(cache_, rollups_, now_);
  rollups_.add(now_ - 10 * kDay, Status::kDown, 0);
  EXPECT_EQ(cached(cache_, rollups_, now_)[79].counts.down, 0);  // still the cached day
  cache_.invalidate("api");
  EXPECT_EQ(cache_.size(), 0u);
  EXPECT_EQ(cached(cache_, rollups_, now_)[79].counts.down, 1);
}

TEST_F(DayHistoryCacheTest, RolloverRecomputesOnlyUnsettledDays) {
  cached(cache_, rollups_, now_);
  const Seconds midnight = utc(2026, 6, 10, 22);  // local midnight into the 11th
  rollups_.reads.clear();
  // Two minutes after midnight: yesterday may still get late results, so it is re-read.
  std::vector<DaySummary> days = cached(cache_, rollups_, midnight + 2 * kMinute);
  EXPECT_EQ(days.back().day.day, 11);
  ASSERT_EQ(rollups_.reads.size(), 1u);
  EXPECT_EQ(rollups_.reads[0].from, utc(2026, 6, 9, 22));
  rollups_.reads.clear();
  // A late result for yesterday is still picked up.
  rollups_.add(midnight - kMinute, Status::kDegraded, 30);
  days = cached(cache_, rollups_, midnight + 4 * kMinute);
  EXPECT_EQ(days[88].counts.degraded, 1);
  rollups_.reads.clear();
  // Once yesterday has settled, only today is read.
  cached(cache_, rollups_, midnight + 8 * kMinute);
  cached(cache_, rollups_, midnight + 20 * kMinute);
  ASSERT_FALSE(rollups_.reads.empty());
  EXPECT_EQ(rollups_.reads.back().from, midnight);
}

TEST_F(DayHistoryCacheTest, EntriesAreKeyedByTagZoneAndDays) {
  cached(cache_, rollups_, now_, 90);
  cached(cache_, rollups_, now_, 30);
  cached(cache_, rollups_, now_, 30, "web");
  ASSERT_TRUE(cache_.get("api", "Asia/Kolkata", now_, 30, rollups_.reader()).ok());
  EXPECT_EQ(cache_.size(), 4u);
  cache_.invalidate("api");
  EXPECT_EQ(cache_.size(), 1u);
}

TEST_F(DayHistoryCacheTest, LeastRecentlyUsedEntriesAreEvicted) {
  DayHistoryCache small(2);
  cached(small, rollups_, now_, 7, "a");
  cached(small, rollups_, now_, 7, "b");
  cached(small, rollups_, now_, 7, "a");  // "b" is now the least recently used
  cached(small, rollups_, now_, 7, "c");
  EXPECT_EQ(small.size(), 2u);
  rollups_.reads.clear();
  cached(small, rollups_, now_, 7, "a");
  EXPECT_EQ(rollups_.reads.size(), 1u);  // today only: "a" was kept
  rollups_.reads.clear();
  cached(small, rollups_, now_, 7, "b");
  EXPECT_EQ(rollups_.reads[0].from, utc(2026, 6, 3, 22));  // all 7 days: "b" was evicted
}

TEST_F(DayHistoryCacheTest, InvalidateDuringAComputationDiscardsIt) {
  BucketReader inner = rollups_.reader();
  BucketReader invalidating = [&](Granularity g, Seconds from, Seconds to) {
    cache_.invalidate("api");
    return inner(g, from, to);
  };
  ASSERT_TRUE(cache_.get("api", kZone, now_, 30, invalidating).ok());
  EXPECT_EQ(cache_.size(), 0u);
}

TEST_F(DayHistoryCacheTest, UnknownZoneIsAnError) {
  EXPECT_FALSE(cache_.get("api", "Nowhere/Special", now_, 30, rollups_.reader()).ok());
  EXPECT_FALSE(cache_.get("api", kZone, now_, 0, rollups_.reader()).ok());
}

TEST_F(DayHistoryCacheTest, ConcurrentUseIsSafe) {
  const BucketReader reader = [](Granularity, Seconds from, Seconds) {
    Bucket row;
    row.start = from;
    row.counts.up = 1;
    return std::vector<Bucket>{row};
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 50; ++round) {
        const std::string tag = "m" + std::to_string((i + round) % 6);
        Result<std::vector<DaySummary>> days =
            cache_.get(tag, kZone, now_ + round * kMinute, 30, reader);
        EXPECT_TRUE(days.ok() && days->size() == 30u);
        if (round % 7 == 0) cache_.invalidate(tag);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(cache_.size(), 6u);
}

}  // namespace
}  // namespace vigil
