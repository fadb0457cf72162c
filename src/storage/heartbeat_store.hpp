#pragma once

#include <map>
#include <string>

#include "core/heartbeat_board.hpp"

namespace vigil {

//! Persists the last push of each HEARTBEAT monitor, so a restart still knows how old it is.
class HeartbeatStore {
 public:
  virtual ~HeartbeatStore() = default;
  //! Stores a monitor's last push (replacing the previous one); the monitor must exist.
  virtual void save(const std::string& tag, const HeartbeatSignal& signal) = 0;
  //! Every stored last push, by monitor tag.
  virtual std::map<std::string, HeartbeatSignal> load_all() = 0;
};

}  // namespace vigil
