#include "scheduler/scheduler.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <mutex>

namespace vigil {
namespace {

// The longest the timer sleeps, so a wall-clock jump is noticed within a second.
constexpr Millis kMaxSleepMs = 1000;

}  // namespace

struct Scheduler::Impl : std::enable_shared_from_this<Impl> {
  Impl(boost::asio::io_context& io, const Clock& clock, JobSink& jobs)
      : io_(io), clock_(clock), jobs_(jobs), timer_(io) {}

  //! Runs `work` on the loop; the book is only ever touched there.
  template <class Work>
  void on_loop(Work work) {
    boost::asio::post(io_, [self = shared_from_this(), work = std::move(work)]() mutable {
      work(*self);
      self->publish_stats();
    });
  }

  //! (Re)starts the timer for the next due time; replacing the wait cancels the previous one.
  void arm() {
    if (!running_) return;
    const Millis now = clock_.now_ms();
    const Millis due = book_.next_due().value_or(now + kMaxSleepMs);
    timer_.expires_after(std::chrono::milliseconds(std::clamp<Millis>(due - now, 0, kMaxSleepMs)));
    timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec) self->wake();
    });
  }

  void wake() {
    if (!running_) return;
    for (CheckJob& job : book_.take_due(clock_.now_ms())) {
      const CheckJob kept = job;
      if (!jobs_.submit(std::move(job))) book_.refused(kept);
    }
    publish_stats();
    arm();
  }

  void publish_stats() {
    const std::lock_guard lock(stats_mutex_);
    stats_ = book_.stats();
  }

  boost::asio::io_context& io_;
  const Clock& clock_;
  JobSink& jobs_;
  ScheduleBook book_;
  boost::asio::steady_timer timer_;
  std::atomic<bool> running_{false};
  mutable std::mutex stats_mutex_;
  SchedulerStats stats_;
};

Scheduler::Scheduler(boost::asio::io_context& io, const Clock& clock, JobSink& jobs)
    : impl_(std::make_shared<Impl>(io, clock, jobs)) {}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::upsert(std::shared_ptr<const MonitorSpec> spec) {
  impl_->on_loop([spec = std::move(spec)](Impl& impl) mutable {
    impl.book_.upsert(std::move(spec), impl.clock_.now_ms());
    impl.arm();
  });
}

void Scheduler::remove(const std::string& tag) {
  impl_->on_loop([tag](Impl& impl) { impl.book_.remove(tag); });
}

void Scheduler::finished(const std::string& tag, std::uint64_t check_id) {
  impl_->on_loop([tag, check_id](Impl& impl) { impl.book_.finished(tag, check_id); });
}

void Scheduler::start() {
  impl_->running_ = true;
  impl_->on_loop([](Impl& impl) { impl.arm(); });
}

void Scheduler::stop() {
  // Cleared here, not on the loop, so no job is submitted once stop() has returned unless a
  // wake-up was already running on the loop thread.
  impl_->running_ = false;
  impl_->on_loop([](Impl& impl) { impl.timer_.cancel(); });
}

SchedulerStats Scheduler::stats() const {
  const std::lock_guard lock(impl_->stats_mutex_);
  return impl_->stats_;
}

}  // namespace vigil
