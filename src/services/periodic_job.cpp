#include "services/periodic_job.hpp"

#include <spdlog/spdlog.h>

namespace vigil {

PeriodicJob::PeriodicJob(std::string name, std::chrono::seconds first_delay,
                         std::chrono::seconds period, std::function<void()> work)
    : name_(std::move(name)), first_delay_(first_delay), period_(period), work_(std::move(work)) {}

PeriodicJob::~PeriodicJob() {
  stop();
}

void PeriodicJob::start() {
  thread_ = std::thread([this] { run(); });
}

void PeriodicJob::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicJob::run() {
  std::unique_lock lock(mutex_);
  auto delay = first_delay_;
  while (!wake_.wait_for(lock, delay, [&] { return stopping_; })) {
    lock.unlock();
    try {
      work_();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", name_, e.what());
    }
    lock.lock();
    delay = period_;
  }
}

}  // namespace vigil
