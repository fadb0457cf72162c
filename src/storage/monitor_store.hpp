#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/monitor_spec.hpp"

namespace vigil {

//! Persists monitors.
class MonitorStore {
 public:
  virtual ~MonitorStore() = default;
  //! Every monitor, ordered by tag.
  virtual std::vector<MonitorSpec> list() = 0;
  //! One monitor by tag.
  virtual std::optional<MonitorSpec> get(std::string_view tag) = 0;
  //! Inserts a new monitor; kConflict when the tag exists. Sets created_at/updated_at.
  virtual Result<MonitorSpec> create(const MonitorSpec& spec) = 0;
  //! Replaces an existing monitor (matched by tag); kNotFound when absent. Sets updated_at.
  virtual Result<MonitorSpec> update(const MonitorSpec& spec) = 0;
  //! Deletes a monitor and all its results and rollups; false when absent.
  virtual bool remove(std::string_view tag) = 0;
};

}  // namespace vigil
