#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! One push received by a HEARTBEAT monitor.
struct HeartbeatSignal {
  Millis at_ms = 0;               //!< when it arrived
  Status status = Status::kUp;    //!< UP, or DOWN when the pusher said so
  std::string message;            //!< the pusher's `msg`
  std::optional<double> ping_ms;  //!< the pusher's `ping`, if given
};

//! The last push of every HEARTBEAT monitor, shared by the push routes (writers) and the
//! heartbeat probe (reader). Thread-safe.
class HeartbeatBoard {
 public:
  //! Records a push, replacing the previous one.
  void record(const std::string& tag, const HeartbeatSignal& signal);
  //! The last push of a monitor, if any.
  std::optional<HeartbeatSignal> last(const std::string& tag) const;
  //! Forgets a deleted monitor.
  void forget(const std::string& tag);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, HeartbeatSignal> signals_;
};

}  // namespace vigil
