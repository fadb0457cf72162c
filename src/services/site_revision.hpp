#pragma once

#include <atomic>
#include <cstdint>

namespace vigil {

//! A counter bumped whenever something shown on the public site changes (pages, site settings,
//! monitors, incidents, maintenances). Cached pages and badges are rebuilt when it moves.
class SiteRevision {
 public:
  //! Marks a change.
  void bump() { value_.fetch_add(1, std::memory_order_release); }
  //! The current revision.
  std::uint64_t value() const { return value_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::uint64_t> value_{1};
};

}  // namespace vigil
