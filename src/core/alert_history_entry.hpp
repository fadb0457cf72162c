#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/alert_state.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! One status change of a (rule, monitor) alert, kept in its append-only history.
struct AlertHistoryEntry {
  std::int64_t id = 0;  //!< set by the store
  std::int64_t rule_id = 0;
  std::string monitor_tag;
  std::optional<AlertStatus> from_status;  //!< none on the pair's first firing
  AlertStatus to_status = AlertStatus::kTriggered;
  std::string value;  //!< what the samples showed: a status, a latency (ms) or an uptime (%)
  std::optional<std::int64_t> incident_id;  //!< the alert's auto-incident, if any
  std::string acknowledged_by;              //!< who acknowledged the firing ("" when no one)
  std::optional<Seconds> acknowledged_at;   //!< when the firing was acknowledged
  Seconds created_at = 0;                   //!< when the change happened
};

//! One page of a rule's alert history and how many entries it has in all.
struct AlertHistoryPage {
  std::vector<AlertHistoryEntry> entries;  //!< newest first
  std::int64_t total = 0;
};

}  // namespace vigil
