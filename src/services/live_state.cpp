#include "services/live_state.hpp"

namespace vigil {
namespace {

bool healthy(Status s) {
  return s == Status::kUp || s == Status::kMaintenance;
}

}  // namespace

std::optional<Status> LiveState::observe(const std::string& tag, const LiveStatus& observed,
                                         int confirmation_threshold) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] = entries_.try_emplace(tag);
  Entry& entry = it->second;
  if (inserted || entry.shown.status == Status::kNoData || observed.status == Status::kNoData) {
    Status previous = entry.shown.status;
    entry.shown = observed;
    entry.pending_count = 0;
    if (previous != observed.status) return previous;
    return std::nullopt;
  }
  Status previous = entry.shown.status;
  if (healthy(previous) == healthy(observed.status)) {
    entry.shown = observed;
    entry.pending_count = 0;
  } else if (++entry.pending_count >= confirmation_threshold) {
    entry.shown = observed;
    entry.pending_count = 0;
  } else {
    return std::nullopt;
  }
  if (previous != entry.shown.status) return previous;
  return std::nullopt;
}

void LiveState::set(const std::string& tag, const LiveStatus& status) {
  std::lock_guard lock(mutex_);
  entries_[tag] = Entry{status, 0};
}

std::optional<LiveStatus> LiveState::get(const std::string& tag) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(tag);
  if (it == entries_.end()) return std::nullopt;
  return it->second.shown;
}

void LiveState::remove(const std::string& tag) {
  std::lock_guard lock(mutex_);
  entries_.erase(tag);
}

}  // namespace vigil
