#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time_units.hpp"

namespace vigil {

//! Whether a (rule, monitor) alert is firing.
enum class AlertStatus { kTriggered, kResolved };

//! A change worth a notification: an alert fired or resolved, a reminder while it still fires,
//! or its escalation to more triggers.
enum class AlertTransition { kTriggered, kResolved, kReminder, kEscalated };

//! TRIGGERED, RESOLVED.
std::string_view to_string(AlertStatus status);
//! Parses the spelling above; nullopt for anything else.
std::optional<AlertStatus> parse_alert_status(std::string_view text);
//! TRIGGERED, RESOLVED, REMINDER, ESCALATED.
std::string_view to_string(AlertTransition transition);
//! Parses the spelling above; nullopt for anything else.
std::optional<AlertTransition> parse_alert_transition(std::string_view text);

//! The alert of one rule on one monitor (Kener's monitor_alerts_v2 row, one per pair, reused
//! each time the pair fires again).
struct AlertState {
  std::int64_t id = 0;  //!< set by the store; the alert_id in messages
  std::int64_t rule_id = 0;
  std::string monitor_tag;
  AlertStatus status = AlertStatus::kTriggered;
  Seconds triggered_at = 0;                 //!< when it last fired
  std::optional<Seconds> resolved_at;       //!< when it last resolved; none while firing
  std::optional<std::int64_t> incident_id;  //!< the incident it opened, if any
  std::optional<Seconds> acknowledged_at;   //!< set by an acknowledgement while firing
  std::string acknowledged_by;              //!< who acknowledged it, as they said ("" if unsaid)
  bool escalated = false;                   //!< the escalation went out for this firing
  Seconds last_notified_at = 0;             //!< last TRIGGERED or REMINDER notification
  std::int64_t sequence = 0;                //!< transitions so far; part of idempotency keys
  AlertTransition last_transition = AlertTransition::kTriggered;  //!< the latest one
  std::int64_t notified_sequence = 0;  //!< the last transition whose messages were queued
};

}  // namespace vigil
