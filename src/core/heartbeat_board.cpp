#include "core/heartbeat_board.hpp"

namespace vigil {

void HeartbeatBoard::record(const std::string& tag, const HeartbeatSignal& signal) {
  std::lock_guard lock(mutex_);
  signals_[tag] = signal;
}

std::optional<HeartbeatSignal> HeartbeatBoard::last(const std::string& tag) const {
  std::lock_guard lock(mutex_);
  auto it = signals_.find(tag);
  if (it == signals_.end()) return std::nullopt;
  return it->second;
}

void HeartbeatBoard::forget(const std::string& tag) {
  std::lock_guard lock(mutex_);
  signals_.erase(tag);
}

}  // namespace vigil
