#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "config/trigger_list_reader.hpp"
#include "core/declared_alert_rule.hpp"

namespace vigil {

class YamlMapping;

//! Reads the `alerts` list: description (unique: it names the rule), monitors, for, value,
//! failure_threshold, success_threshold, severity, create_incident, active, triggers (names
//! declared under `triggers`), reminder_minutes, escalation {after_minutes, triggers} and
//! depends_on. Problems go to the error list.
class AlertListReader {
 public:
  //! Trigger names are checked against those `triggers` read.
  AlertListReader(const TriggerListReader& triggers, ErrorList& errors)
      : triggers_(triggers), errors_(errors) {}

  //! The rules declared by `list` (a YAML list, or null for none).
  std::vector<DeclaredAlertRule> read(const YAML::Node& list);

 private:
  std::vector<std::string> names(YamlMapping& fields, std::string_view key, std::string_view what);
  std::vector<std::string> trigger_names(YamlMapping& fields, std::string_view key);

  const TriggerListReader& triggers_;
  ErrorList& errors_;
  std::map<std::string, int> description_lines_;  //!< description → 1-based line
};

}  // namespace vigil
