#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace vigil {

//! Runs a piece of background work on its own thread: once after `first_delay`, then every
//! `period`, so the pipeline never waits for it (retention, repeating manual statuses).
class PeriodicJob {
 public:
  PeriodicJob(std::string name, std::chrono::seconds first_delay, std::chrono::seconds period,
              std::function<void()> work);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

  //! Starts the thread.
  void start();
  //! Stops the thread (waits for a run in progress).
  void stop();

 private:
  void run();

  std::string name_;
  std::chrono::seconds first_delay_;
  std::chrono::seconds period_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigil
