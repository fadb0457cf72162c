#pragma once

#include <vector>

#include "core/site_settings.hpp"

namespace vigil {

//! Persists site settings (Kener's site_data): one row per key that has been set.
class SiteStore {
 public:
  virtual ~SiteStore() = default;
  //! Every stored row, ordered by key.
  virtual std::vector<SiteDataEntry> list() = 0;
  //! Inserts or replaces the row of `entry.key`.
  virtual void put(const SiteDataEntry& entry) = 0;
};

}  // namespace vigil
