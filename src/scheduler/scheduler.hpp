#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/monitor_spec.hpp"
#include "pipeline/stage_ports.hpp"
#include "scheduler/schedule_book.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

//! Drives a ScheduleBook with one Asio timer: wakes at the next due time, hands due checks to a
//! JobSink and sleeps again. All methods are thread-safe; work happens on the loop.
class Scheduler {
 public:
  Scheduler(boost::asio::io_context& io, const Clock& clock, JobSink& jobs);
  ~Scheduler();

  //! Adds or replaces a monitor; takes effect at once (its next due time is recomputed).
  void upsert(std::shared_ptr<const MonitorSpec> spec);
  //! Removes a monitor; a check already running finishes, no new one starts.
  void remove(const std::string& tag);
  //! Marks a monitor's running check as finished, so the next one may start.
  void finished(const std::string& tag, std::uint64_t check_id);
  //! Starts dispatching.
  void start();
  //! Stops dispatching; running checks are not affected.
  void stop();
  //! Counters (read on any thread).
  SchedulerStats stats() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace vigil
