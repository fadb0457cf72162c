#pragma once

#include <boost/json.hpp>

#include <optional>

#include "core/alert_history_entry.hpp"
#include "core/alert_rule.hpp"
#include "core/alert_state.hpp"
#include "core/error.hpp"

namespace vigil {

//! An alert rule in Kener's monitor_alerts_config shape (create_incident and is_active as
//! YES/NO, alert_value as text, triggers as ids) plus reminder_minutes, escalation
//! ({after_minutes, triggers} or null) and depends_on.
boost::json::object alert_to_json(const AlertRule& rule);

//! Applies the fields of a create (`creating`: monitors, alert_for and alert_value required) or
//! PATCH body onto `rule`. YES/NO fields also take booleans, alert_value a number. Unknown
//! fields and wrong JSON types are errors.
std::optional<Error> apply_alert_json(const boost::json::object& body, bool creating,
                                      AlertRule& rule);

//! The alert of one (rule, monitor) pair: monitor_tag, alert_status, triggered_at,
//! resolved_at, incident_id, acknowledged_at, acknowledged_by, escalated, last_notified_at
//! (Unix s or null).
boost::json::object alert_state_to_json(const AlertState& state);

//! One alert history entry: id, alert_config_id, monitor_tag, from_status (null on a first
//! firing), to_status, value, incident_id, acknowledged_by, acknowledged_at, created_at.
boost::json::object alert_history_to_json(const AlertHistoryEntry& entry);

}  // namespace vigil
