#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/monitor_impact.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! A maintenance plan (Kener §6): a window of `duration_seconds` that starts at each occurrence
//! of an RRULE anchored at `start_date_time`. A one-off uses FREQ=MINUTELY;COUNT=1.
struct Maintenance {
  std::int64_t id = 0;                  //!< set by the store
  std::string title;                    //!< not empty
  std::string description;              //!< Markdown
  Seconds start_date_time = 0;          //!< the first occurrence (DTSTART), Unix s
  std::string rrule;                    //!< RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=SU
  Seconds duration_seconds = 0;         //!< length of each window, at least 1
  std::string timezone = "UTC";         //!< IANA zone whose wall clock the RRULE follows (Vigil)
  bool active = true;                   //!< Kener's status ACTIVE / INACTIVE
  bool global = true;                   //!< Kener's is_global: shown on every page
  std::vector<MonitorImpact> monitors;  //!< MAINTENANCE, DOWN, DEGRADED or UP (UP has no effect)
  Seconds created_at = 0;               //!< set by the store
  Seconds updated_at = 0;               //!< set by the store

  //! True when start, rule, duration and zone are the same, so the planned events still hold.
  bool same_schedule(const Maintenance& other) const;
};

//! Checks a maintenance's own fields (the RRULE and zone are checked where libical and the time
//! zone database are); returns "field: problem" lines.
std::vector<std::string> validate_maintenance(const Maintenance& maintenance);

}  // namespace vigil
