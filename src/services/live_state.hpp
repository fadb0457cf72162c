#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/live_status.hpp"

namespace vigil {

//! Last status per monitor, read by groups, badges and pages. Every path that stores a status
//! updates it (Kener's cache invariant). Applies the confirmation threshold: the shown status
//! only flips between healthy (UP) and unhealthy after N consecutive observations on the new side.
class LiveState final : public LiveStatusSource {
 public:
  //! Records an observation; returns the previous shown status when the shown status changed.
  std::optional<Status> observe(const std::string& tag, const LiveStatus& observed,
                                int confirmation_threshold);
  //! Sets the shown status directly (manual writes), bypassing the threshold.
  void set(const std::string& tag, const LiveStatus& status);
  //! LiveStatusSource: the shown status of a monitor, if any was observed.
  std::optional<LiveStatus> get(const std::string& tag) const override;
  //! Every monitor's shown status.
  std::vector<std::pair<std::string, LiveStatus>> snapshot() const;
  //! Forgets a monitor.
  void remove(const std::string& tag);
  //! A counter that moves whenever any shown status changes (cached pages compare it).
  std::uint64_t revision() const { return revision_.load(std::memory_order_acquire); }

 private:
  struct Entry {
    LiveStatus shown;
    int pending_count = 0;  //!< consecutive observations on the other side
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::atomic<std::uint64_t> revision_{1};
};

}  // namespace vigil
