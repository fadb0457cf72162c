#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "core/monitor_spec.hpp"
#include "core/monitor_type_catalog.hpp"

namespace vigil {

//! Reads the `monitors` list: each monitor's fields, duplicate tags, core's common checks and
//! the catalog's checks of monitor_type and type_data. Problems go to the error list.
class MonitorListReader {
 public:
  MonitorListReader(const MonitorTypeCatalog& catalog, ErrorList& errors)
      : catalog_(catalog), errors_(errors) {}

  //! The monitors declared by `list` (a YAML list, or null for none).
  std::vector<MonitorSpec> read(const YAML::Node& list);

 private:
  const MonitorTypeCatalog& catalog_;
  ErrorList& errors_;
  std::map<std::string, int> tag_lines_;  //!< tag → 1-based line of its first declaration
};

}  // namespace vigil
