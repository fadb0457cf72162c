#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "storage/result_store.hpp"

namespace vigil {

//! Deletes rows past their retention: once shortly after start, then every `period`, on its own
//! thread so the pipeline never waits for it.
class RetentionJob {
 public:
  RetentionJob(ResultStore& store, RetentionPolicy policy, const Clock& clock,
               std::chrono::seconds first_delay, std::chrono::seconds period);
  ~RetentionJob();
  RetentionJob(const RetentionJob&) = delete;
  RetentionJob& operator=(const RetentionJob&) = delete;

  //! Starts the thread.
  void start();
  //! Stops the thread (waits for a prune in progress).
  void stop();

 private:
  void run();

  ResultStore& store_;
  RetentionPolicy policy_;
  const Clock& clock_;
  std::chrono::seconds first_delay_;
  std::chrono::seconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigil
