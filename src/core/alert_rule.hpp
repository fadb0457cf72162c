#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_units.hpp"

namespace vigil {

//! Largest failure_threshold / success_threshold.
inline constexpr int kMaxAlertThreshold = 1000;
//! Largest reminder_minutes / escalation.after_minutes (a week).
inline constexpr int kMaxAlertMinutes = 7 * 24 * 60;

//! What a rule watches: the status, the latency or the uptime of its monitors.
enum class AlertFor { kStatus, kLatency, kUptime };

//! How loud an alert is.
enum class AlertSeverity { kWarning, kCritical };

//! STATUS, LATENCY, UPTIME.
std::string_view to_string(AlertFor alert_for);
//! Parses the spelling above (case-sensitive); nullopt for anything else.
std::optional<AlertFor> parse_alert_for(std::string_view text);
//! WARNING, CRITICAL.
std::string_view to_string(AlertSeverity severity);
//! Parses the spelling above (case-sensitive); nullopt for anything else.
std::optional<AlertSeverity> parse_alert_severity(std::string_view text);

//! Who else hears about a firing alert that nobody acknowledged in time.
struct AlertEscalation {
  int after_minutes = 0;               //!< minutes after the alert fired; at least 1
  std::vector<std::int64_t> triggers;  //!< trigger ids notified once; at least one
  bool operator==(const AlertEscalation&) const = default;
};

//! An alert rule (Kener's monitor_alerts_config) plus Vigil's reminders, escalation and
//! dependencies. One rule covers many monitors; each (rule, monitor) fires on its own.
struct AlertRule {
  std::int64_t id = 0;                //!< set by the store
  std::vector<std::string> monitors;  //!< monitor tags, at least one
  AlertFor alert_for = AlertFor::kStatus;
  std::string alert_value = "DOWN";  //!< DOWN/DEGRADED, latency ms or uptime percent
  int failure_threshold = 1;         //!< consecutive samples that fire; at least 1
  int success_threshold = 1;         //!< consecutive samples that resolve; at least 1
  AlertSeverity severity = AlertSeverity::kWarning;
  bool create_incident = false;               //!< Kener's create_incident YES/NO
  bool active = true;                         //!< Kener's is_active YES/NO
  std::string description;                    //!< free text; config-declared rules are named by it
  std::vector<std::int64_t> triggers;         //!< trigger ids notified on every transition
  int reminder_minutes = 0;                   //!< re-notify while firing every N minutes; 0 = off
  std::optional<AlertEscalation> escalation;  //!< none = never escalate
  std::vector<std::string> depends_on;        //!< while one of these is DOWN, firing is held
  Seconds created_at = 0;                     //!< set by the store
  Seconds updated_at = 0;                     //!< set by the store

  //! alert_value as a number (LATENCY ms, UPTIME percent); 0 for STATUS.
  double threshold() const;
  //! True when the rule covers `tag`.
  bool covers(std::string_view tag) const;
};

//! Normalises alert_value for its alert_for (STATUS upper-cased, numbers written plainly) and
//! checks it and the other own fields; returns "field: problem" lines.
std::vector<std::string> validate_alert_rule(AlertRule& rule);

}  // namespace vigil
