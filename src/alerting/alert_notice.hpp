#pragma once

#include <string>

#include "core/alert_rule.hpp"
#include "core/alert_state.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! What one alert notification is about: a rule's transition on one monitor.
struct AlertNotice {
  const AlertRule& rule;       //!< the rule that fired
  const AlertState& state;     //!< the (rule, monitor) state after the transition
  AlertTransition transition;  //!< what happened
  std::string monitor_name;    //!< the monitor's display name
  Seconds now = 0;             //!< when it happened (Unix s)
};

}  // namespace vigil
