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
  Entry& entry = entries_[tag];
  Status previous = entry.shown.status;
  bool shown = previous == Status::kNoData || observed.status == Status::kNoData ||
               healthy(previous) == healthy(observed.status) ||
               ++entry.pending_count >= confirmation_threshold;
  if (shown) {
    entry.shown = observed;
    entry.pending_count = 0;
  }
  entry.shown.observed_ms = observed.at_ms;
  if (!shown || previous == observed.status) return std::nullopt;
  revision_.fetch_add(1, std::memory_order_release);
  return previous;
}

void LiveState::set(const std::string& tag, const LiveStatus& status) {
  std::lock_guard lock(mutex_);
  Entry& entry = entries_[tag];
  entry = Entry{status, 0};
  entry.shown.observed_ms = status.at_ms;
  revision_.fetch_add(1, std::memory_order_release);
}

std::optional<LiveStatus> LiveState::get(const std::string& tag) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(tag);
  if (it == entries_.end()) return std::nullopt;
  return it->second.shown;
}

std::vector<std::pair<std::string, LiveStatus>> LiveState::snapshot() const {
  std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, LiveStatus>> all;
  all.reserve(entries_.size());
  for (const auto& [tag, entry] : entries_) all.emplace_back(tag, entry.shown);
  return all;
}

void LiveState::remove(const std::string& tag) {
  std::lock_guard lock(mutex_);
  if (entries_.erase(tag) > 0) revision_.fetch_add(1, std::memory_order_release);
}

}  // namespace vigil
