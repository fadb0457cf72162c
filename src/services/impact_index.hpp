#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! An impact imposed on one monitor during [start, end).
struct ImpactWindow {
  std::string monitor_tag;                            //!< the monitor
  Seconds start = 0;                                  //!< first second in force
  Seconds end = std::numeric_limits<Seconds>::max();  //!< first second no longer; max while open
  Status impact = Status::kDown;                      //!< DOWN, DEGRADED or MAINTENANCE
};

//! The impacts that incidents or maintenances impose on monitors, held in memory by monitor from
//! a day back on, so the status layers can ask for one monitor and minute without reading the
//! store; older times are read from the store. Thread-safe.
class ImpactIndex {
 public:
  //! Reads every window that meets [from, to) from the store.
  using Source = std::function<std::vector<ImpactWindow>(Seconds from, Seconds to)>;
  //! Windows that ended this long before the last rebuild are not held in memory.
  static constexpr Seconds kLookback = kDay;
  //! The `to` of a read without an upper bound.
  static constexpr Seconds kForever = std::numeric_limits<Seconds>::max();

  //! An index that holds nothing until rebuild().
  explicit ImpactIndex(Source source);

  //! Reads the windows from `now - kLookback` on (after every change, or at start).
  void rebuild(Seconds now);
  //! The strongest impact (DOWN > DEGRADED > MAINTENANCE) on `tag` at `t`, or nullopt.
  std::optional<Status> at(const std::string& tag, Seconds t) const;

 private:
  struct Snapshot {
    Seconds since = kForever;
    std::unordered_map<std::string, std::vector<ImpactWindow>> by_tag;
  };

  Source source_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_ = std::make_shared<Snapshot>();
};

}  // namespace vigil
