#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "core/trigger.hpp"

namespace vigil {

//! Reads the `triggers` list: name (unique), type, description, status (ACTIVE/INACTIVE) and
//! meta (a mapping: the channel's settings, `$NAME` kept for substitution when sending).
//! Problems go to the error list.
class TriggerListReader {
 public:
  explicit TriggerListReader(ErrorList& errors) : errors_(errors) {}

  //! The triggers declared by `list` (a YAML list, or null for none).
  std::vector<Trigger> read(const YAML::Node& list);
  //! True when a trigger called `name` was read.
  bool declared(const std::string& name) const { return name_lines_.contains(name); }

 private:
  ErrorList& errors_;
  std::map<std::string, int> name_lines_;  //!< name → 1-based line of its first trigger
};

}  // namespace vigil
