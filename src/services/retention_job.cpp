#include "services/retention_job.hpp"

#include <spdlog/spdlog.h>

namespace vigil {

RetentionJob::RetentionJob(ResultStore& store, RetentionPolicy policy, const Clock& clock,
                           std::chrono::seconds first_delay, std::chrono::seconds period)
    : store_(store), policy_(policy), clock_(clock), first_delay_(first_delay), period_(period) {}

RetentionJob::~RetentionJob() {
  stop();
}

void RetentionJob::start() {
  thread_ = std::thread([this] { run(); });
}

void RetentionJob::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionJob::run() {
  std::unique_lock lock(mutex_);
  auto delay = std::chrono::duration_cast<std::chrono::seconds>(first_delay_);
  while (!wake_.wait_for(lock, delay, [&] { return stopping_; })) {
    lock.unlock();
    try {
      std::int64_t deleted = store_.prune(policy_, to_seconds(clock_.now_ms()));
      spdlog::info("retention: deleted {} expired rows", deleted);
    } catch (const std::exception& e) {
      spdlog::error("retention: prune failed: {}", e.what());
    }
    lock.lock();
    delay = period_;
  }
}

}  // namespace vigil
