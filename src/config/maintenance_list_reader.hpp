#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "core/maintenance.hpp"

namespace vigil {

//! Reads the `maintenances` list with Kener's field names: title, description, start_date_time
//! (Unix seconds or RFC 3339 with Z or an offset), rrule (one-off when absent), duration_seconds,
//! timezone, status (ACTIVE/INACTIVE), is_global, and monitors (tags, or {tag, impact} mappings).
//! Titles must be unique: they name config-owned maintenances. Problems go to the error list.
class MaintenanceListReader {
 public:
  explicit MaintenanceListReader(ErrorList& errors) : errors_(errors) {}
  //! The maintenances declared by `list` (a YAML list, or null for none).
  std::vector<Maintenance> read(const YAML::Node& list);

 private:
  ErrorList& errors_;
  std::map<std::string, int> title_lines_;  //!< title → 1-based line of its first declaration
};

}  // namespace vigil
