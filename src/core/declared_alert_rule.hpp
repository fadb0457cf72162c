#pragma once

#include <string>
#include <vector>

#include "core/alert_rule.hpp"

namespace vigil {

//! An alert rule declared in the configuration file: its triggers named, not numbered (they are
//! resolved to ids when the file is reconciled into the store).
struct DeclaredAlertRule {
  AlertRule rule;                                //!< triggers and escalation ids left empty
  std::vector<std::string> trigger_names;        //!< notified on every transition
  std::vector<std::string> escalation_triggers;  //!< with rule.escalation: notified on escalation
};

}  // namespace vigil
