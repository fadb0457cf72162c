#include "scheduler/scheduler.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <vector>

namespace vigil {
namespace {

//! Records each job with the wall-clock time it arrived and reports it finished at once.
class RecordingSink final : public JobSink {
 public:
  explicit RecordingSink(const Clock& clock) : clock_(clock) {}

  bool submit(CheckJob job) override {
    arrivals_.push_back(clock_.now_ms());
    scheduler_->finished(job.monitor->tag, job.check_id);
    jobs_.push_back(std::move(job));
    return true;
  }

  void attach(Scheduler& scheduler) { scheduler_ = &scheduler; }
  const std::vector<CheckJob>& jobs() const { return jobs_; }
  const std::vector<Millis>& arrivals() const { return arrivals_; }

 private:
  const Clock& clock_;
  Scheduler* scheduler_ = nullptr;
  std::vector<CheckJob> jobs_;
  std::vector<Millis> arrivals_;
};

TEST(SchedulerTest, OneSecondMonitorRunsEverySecondOnARealLoop) {
  boost::asio::io_context io;
  SystemClock clock;
  RecordingSink sink(clock);
  Scheduler scheduler(io, clock, sink);
  sink.attach(scheduler);

  auto spec = std::make_shared<MonitorSpec>();
  spec->tag = "api";
  spec->name = "API";
  spec->monitor_type = "API";
  spec->interval_seconds = 1;
  const Millis started = clock.now_ms();
  scheduler.upsert(spec);
  scheduler.start();
  io.run_for(std::chrono::milliseconds(2500));
  scheduler.stop();

  const auto& jobs = sink.jobs();
  ASSERT_GE(jobs.size(), 2u);
  ASSERT_LE(jobs.size(), 3u);
  EXPECT_GT(jobs[0].due_ms, started);
  EXPECT_LE(jobs[0].due_ms, started + 1000);
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    EXPECT_EQ(jobs[i].monitor->tag, "api");
    EXPECT_EQ(jobs[i].due_ms % 1000, ScheduleBook::spread_offset("api", 1000));
    EXPECT_GE(sink.arrivals()[i], jobs[i].due_ms);        // never early
    EXPECT_LT(sink.arrivals()[i], jobs[i].due_ms + 400);  // and promptly
    if (i > 0) {
      EXPECT_EQ(jobs[i].due_ms - jobs[i - 1].due_ms, 1000);
    }
  }
  EXPECT_EQ(scheduler.stats().dispatched, jobs.size());
  EXPECT_EQ(scheduler.stats().skipped, 0u);
  EXPECT_EQ(scheduler.stats().monitors, 1u);
}

}  // namespace
}  // namespace vigil
