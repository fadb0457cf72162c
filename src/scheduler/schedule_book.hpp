#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/cron_expression.hpp"
#include "core/monitor_spec.hpp"
#include "core/time_units.hpp"
#include "pipeline/check_job.hpp"

namespace vigil {

//! Scheduler counters.
struct SchedulerStats {
  std::uint64_t dispatched = 0;  //!< jobs handed to the sink
  std::uint64_t skipped = 0;     //!< due while the previous check still ran, or sink full
  std::size_t monitors = 0;      //!< monitors on the schedule
};

//! The pure scheduling state, no timers: when each monitor is due next, which ones are running.
//! Interval monitors are spread over their interval by a stable hash of the tag: monitor m with
//! interval I is due at every t with t ≡ offset(m) (mod I), offset = hash(tag) mod I (ms).
//! Cron monitors are due at each matching minute. A monitor due while its previous check still
//! runs is skipped (counted) and moved to its next due time.
class ScheduleBook {
 public:
  //! Adds or replaces a monitor; returns false (and ignores it) when it has no valid schedule or
  //! is not scheduled (inactive, passive type). Its next due time is the first after `now_ms`.
  bool upsert(std::shared_ptr<const MonitorSpec> spec, Millis now_ms);
  //! Removes a monitor.
  void remove(const std::string& tag);
  //! Jobs due at or before `now_ms`, each monitor at most once; advances their due times.
  std::vector<CheckJob> take_due(Millis now_ms);
  //! Marks a running check finished (ignored when the id is not the running one).
  void finished(const std::string& tag, std::uint64_t check_id);
  //! Puts back a job the sink refused: counted as skipped, the monitor is not running.
  void refused(const CheckJob& job);
  //! Earliest due time, or nullopt when empty.
  std::optional<Millis> next_due() const;
  //! Counters.
  SchedulerStats stats() const;

  //! The stable spread offset in ms of `tag` within an interval of `interval_ms`.
  static Millis spread_offset(const std::string& tag, Millis interval_ms);

 private:
  struct Entry;
  void push_heap_entry(const std::string& tag, Millis due, std::uint64_t generation);

  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
  struct HeapItem {
    Millis due;
    std::uint64_t generation;
    std::string tag;
  };
  std::vector<HeapItem> heap_;
  std::uint64_t next_generation_ = 1;
  SchedulerStats stats_;
};

}  // namespace vigil
