#include "core/alert_state.hpp"

namespace vigil {

std::string_view to_string(AlertStatus status) {
  return status == AlertStatus::kResolved ? "RESOLVED" : "TRIGGERED";
}

std::optional<AlertStatus> parse_alert_status(std::string_view text) {
  if (text == "TRIGGERED") return AlertStatus::kTriggered;
  if (text == "RESOLVED") return AlertStatus::kResolved;
  return std::nullopt;
}

std::string_view to_string(AlertTransition transition) {
  switch (transition) {
    case AlertTransition::kTriggered:
      return "TRIGGERED";
    case AlertTransition::kResolved:
      return "RESOLVED";
    case AlertTransition::kReminder:
      return "REMINDER";
    case AlertTransition::kEscalated:
      return "ESCALATED";
  }
  return "TRIGGERED";
}

std::optional<AlertTransition> parse_alert_transition(std::string_view text) {
  for (AlertTransition value : {AlertTransition::kTriggered, AlertTransition::kResolved,
                                AlertTransition::kReminder, AlertTransition::kEscalated}) {
    if (to_string(value) == text) return value;
  }
  return std::nullopt;
}

}  // namespace vigil
