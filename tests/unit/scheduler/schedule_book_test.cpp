#include "scheduler/schedule_book.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/check_result.hpp"
#include "fake_clock.hpp"

namespace vigil {
namespace {

using testing::FakeClock;

constexpr Millis kSecond = 1000;

std::shared_ptr<const MonitorSpec> interval_monitor(const std::string& tag, int seconds) {
  auto spec = std::make_shared<MonitorSpec>();
  spec->tag = tag;
  spec->name = tag;
  spec->monitor_type = "API";
  spec->interval_seconds = seconds;
  return spec;
}

std::shared_ptr<const MonitorSpec> cron_monitor(const std::string& tag, const std::string& cron) {
  auto spec = std::make_shared<MonitorSpec>();
  spec->tag = tag;
  spec->name = tag;
  spec->monitor_type = "API";
  spec->cron = cron;
  return spec;
}

//! The first time after `now` at which a monitor with this offset and interval is due.
Millis first_due_after(Millis now, Millis offset, Millis interval) {
  Millis t = now - (now % interval) + offset;
  return t > now ? t : t + interval;
}

class ScheduleBookTest : public ::testing::Test {
 protected:
  //! Takes what is due now and reports every taken check finished at once.
  std::vector<CheckJob> run_due() {
    auto jobs = book_.take_due(clock_.now_ms());
    for (const auto& job : jobs) book_.finished(job.monitor->tag, job.check_id);
    return jobs;
  }

  FakeClock clock_{1'700'000'000'000};
  ScheduleBook book_;
};

TEST_F(ScheduleBookTest, IntervalMonitorIsDueAtItsOffsetEveryInterval) {
  const Millis interval = 10 * kSecond;
  const Millis offset = ScheduleBook::spread_offset("api", interval);
  ASSERT_TRUE(book_.upsert(interval_monitor("api", 10), clock_.now_ms()));
  const Millis first = first_due_after(clock_.now_ms(), offset, interval);
  EXPECT_EQ(book_.next_due(), first);

  clock_.set(first - 1);
  EXPECT_TRUE(run_due().empty());
  clock_.set(first);
  auto jobs = run_due();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].monitor->tag, "api");
  EXPECT_EQ(jobs[0].due_ms, first);
  EXPECT_EQ(jobs[0].check_id, make_check_id("api", first));
  EXPECT_EQ(book_.next_due(), first + interval);

  clock_.set(first + interval + 3);  // a slightly late wake-up still gets the planned due time
  jobs = run_due();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].due_ms, first + interval);
  EXPECT_EQ(book_.stats().dispatched, 2u);
  EXPECT_EQ(book_.stats().monitors, 1u);
}

TEST_F(ScheduleBookTest, SpreadOffsetsAreStableAndInsideTheInterval) {
  // Pinned: FNV-1a of "api-health" mod 10 000; offsets must not move between releases.
  EXPECT_EQ(ScheduleBook::spread_offset("api-health", 10'000), 7228);
  EXPECT_EQ(ScheduleBook::spread_offset("api-health", 60'000), 7228);
  for (int i = 0; i < 500; ++i) {
    const std::string tag = "m" + std::to_string(i);
    const Millis offset = ScheduleBook::spread_offset(tag, 30'000);
    EXPECT_GE(offset, 0);
    EXPECT_LT(offset, 30'000);
    EXPECT_EQ(offset, ScheduleBook::spread_offset(tag, 30'000));
  }
}

TEST_F(ScheduleBookTest, ThousandMonitorsAreSpreadOverTheirInterval) {
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(
        book_.upsert(interval_monitor("monitor-" + std::to_string(i), 10), clock_.now_ms()));
  }
  const Millis start = clock_.now_ms();
  std::map<Millis, int> per_second;
  std::size_t total = 0;
  while (clock_.now_ms() < start + 10 * kSecond) {
    clock_.advance(100);
    for (const auto& job : run_due()) {
      ++per_second[(job.due_ms - start - 1) / kSecond];
      ++total;
    }
  }
  EXPECT_EQ(total, 1000u);  // each exactly once per interval
  EXPECT_EQ(per_second.size(), 10u);
  for (const auto& [second, count] : per_second) {
    EXPECT_LE(count, 3 * 100) << "second " << second;  // mean is 100 per second
  }
}

TEST_F(ScheduleBookTest, CheckStillRunningIsSkippedAndCounted) {
  book_.upsert(interval_monitor("api", 5), clock_.now_ms());
  clock_.set(*book_.next_due());
  auto first = book_.take_due(clock_.now_ms());
  ASSERT_EQ(first.size(), 1u);

  clock_.advance(5 * kSecond);
  EXPECT_TRUE(book_.take_due(clock_.now_ms()).empty());
  EXPECT_EQ(book_.stats().skipped, 1u);

  book_.finished("api", first[0].check_id + 1);  // not the running check: ignored
  clock_.advance(5 * kSecond);
  EXPECT_TRUE(book_.take_due(clock_.now_ms()).empty());
  EXPECT_EQ(book_.stats().skipped, 2u);

  book_.finished("api", first[0].check_id);
  clock_.advance(5 * kSecond);
  EXPECT_EQ(book_.take_due(clock_.now_ms()).size(), 1u);
  EXPECT_EQ(book_.stats().dispatched, 2u);
}

TEST_F(ScheduleBookTest, LateLoopRunsAMissedMonitorOnce) {
  book_.upsert(interval_monitor("api", 1), clock_.now_ms());
  clock_.advance(10 * kSecond);
  EXPECT_EQ(run_due().size(), 1u);
  EXPECT_GT(*book_.next_due(), clock_.now_ms());
  EXPECT_LE(*book_.next_due(), clock_.now_ms() + kSecond);
  EXPECT_EQ(book_.stats().skipped, 0u);
}

TEST_F(ScheduleBookTest, CronMonitorIsDueAtEachMatchingMinuteStart) {
  const Millis start = 1'700'000'000'000;  // 2023-11-14 22:13:20 UTC
  clock_.set(start);
  ASSERT_TRUE(book_.upsert(cron_monitor("nightly", "*/5 * * * *"), clock_.now_ms()));
  const Millis first = 1'700'000'100'000;  // 22:15:00
  EXPECT_EQ(book_.next_due(), first);
  std::vector<Millis> dues;
  while (clock_.now_ms() < start + 16 * 60 * kSecond) {
    clock_.advance(kSecond);
    for (const auto& job : run_due()) dues.push_back(job.due_ms);
  }
  EXPECT_EQ(dues, (std::vector<Millis>{first, first + 300'000, first + 600'000}));
}

TEST_F(ScheduleBookTest, UpsertReschedulesAndKeepsRunningState) {
  book_.upsert(interval_monitor("api", 60), clock_.now_ms());
  clock_.set(*book_.next_due());
  auto running = book_.take_due(clock_.now_ms());
  ASSERT_EQ(running.size(), 1u);

  book_.upsert(interval_monitor("api", 2), clock_.now_ms());
  EXPECT_LE(*book_.next_due(), clock_.now_ms() + 2 * kSecond);
  EXPECT_EQ(book_.stats().monitors, 1u);
  clock_.advance(2 * kSecond);
  EXPECT_TRUE(book_.take_due(clock_.now_ms()).empty());  // the old check still runs
  EXPECT_EQ(book_.stats().skipped, 1u);

  book_.finished("api", running[0].check_id);
  clock_.advance(2 * kSecond);
  auto jobs = book_.take_due(clock_.now_ms());
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].monitor->interval_seconds, 2);  // the new spec travels with the job
}

TEST_F(ScheduleBookTest, RemovedMonitorIsNeverDue) {
  book_.upsert(interval_monitor("api", 1), clock_.now_ms());
  book_.upsert(interval_monitor("web", 1), clock_.now_ms());
  book_.remove("api");
  EXPECT_EQ(book_.stats().monitors, 1u);
  for (int i = 0; i < 5; ++i) {
    clock_.advance(kSecond);
    for (const auto& job : run_due()) EXPECT_EQ(job.monitor->tag, "web");
  }
  EXPECT_EQ(book_.stats().dispatched, 5u);
}

TEST_F(ScheduleBookTest, UnscheduledMonitorsAreRefusedAndLeaveTheSchedule) {
  auto inactive = std::make_shared<MonitorSpec>(*interval_monitor("api", 1));
  inactive->active = false;
  auto manual = std::make_shared<MonitorSpec>(*interval_monitor("manual", 1));
  manual->monitor_type = "NONE";
  EXPECT_FALSE(book_.upsert(manual, clock_.now_ms()));
  EXPECT_FALSE(book_.upsert(cron_monitor("broken", "61 * * * *"), clock_.now_ms()));
  EXPECT_FALSE(book_.upsert(cron_monitor("never", "0 0 30 2 *"), clock_.now_ms()));
  EXPECT_EQ(book_.stats().monitors, 0u);
  EXPECT_EQ(book_.next_due(), std::nullopt);

  ASSERT_TRUE(book_.upsert(interval_monitor("api", 1), clock_.now_ms()));
  EXPECT_FALSE(book_.upsert(inactive, clock_.now_ms()));
  EXPECT_EQ(book_.stats().monitors, 0u);
  clock_.advance(5 * kSecond);
  EXPECT_TRUE(run_due().empty());
}

TEST_F(ScheduleBookTest, RefusedJobIsCountedAndRetriedAtTheNextDueTime) {
  book_.upsert(interval_monitor("api", 1), clock_.now_ms());
  clock_.advance(kSecond);
  auto jobs = book_.take_due(clock_.now_ms());
  ASSERT_EQ(jobs.size(), 1u);
  book_.refused(jobs[0]);
  EXPECT_EQ(book_.stats().skipped, 1u);
  EXPECT_EQ(book_.stats().dispatched, 0u);
  clock_.advance(kSecond);
  EXPECT_EQ(book_.take_due(clock_.now_ms()).size(), 1u);  // not left marked as running
  EXPECT_EQ(book_.stats().dispatched, 1u);
}

TEST_F(ScheduleBookTest, HundredThousandMonitorsOverOneMinute) {
  for (int i = 0; i < 100'000; ++i) {
    book_.upsert(interval_monitor("m" + std::to_string(i), 60), clock_.now_ms());
  }
  std::size_t total = 0;
  std::size_t largest_batch = 0;
  for (int second = 0; second < 60; ++second) {
    clock_.advance(kSecond);
    const std::size_t batch = run_due().size();
    largest_batch = std::max(largest_batch, batch);
    total += batch;
  }
  EXPECT_EQ(total, 100'000u);
  EXPECT_LT(largest_batch, 3 * 100'000u / 60);
  EXPECT_EQ(book_.stats().monitors, 100'000u);
}

TEST_F(ScheduleBookTest, RepeatedUpsertsStillDispatchOnce) {
  book_.upsert(interval_monitor("api", 1), clock_.now_ms());
  for (int i = 0; i < 10'000; ++i) book_.upsert(interval_monitor("api", 1), clock_.now_ms());
  clock_.advance(kSecond);
  EXPECT_EQ(run_due().size(), 1u);
}

}  // namespace
}  // namespace vigil
