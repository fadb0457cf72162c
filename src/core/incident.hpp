#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/monitor_impact.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! Where an incident stands; comments move it, and it may go back.
enum class IncidentState { kInvestigating, kIdentified, kMonitoring, kResolved };

//! Who opened an incident.
enum class IncidentSource { kDashboard, kApi, kAlert };

//! Kener's spelling: INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED.
std::string_view to_string(IncidentState state);
//! Parses Kener's spelling (case-sensitive); nullopt for anything else.
std::optional<IncidentState> parse_incident_state(std::string_view text);
//! Kener's spelling: DASHBOARD, API, ALERT.
std::string_view to_string(IncidentSource source);
//! Parses Kener's spelling (case-sensitive); nullopt for anything else.
std::optional<IncidentSource> parse_incident_source(std::string_view text);

//! An incident: a titled period during which some monitors are DOWN or DEGRADED (Kener §5).
struct Incident {
  std::int64_t id = 0;                                  //!< set by the store
  std::string title;                                    //!< not empty
  Seconds start_date_time = 0;                          //!< Unix s, floored to the minute
  std::optional<Seconds> end_date_time;                 //!< none while open
  IncidentState state = IncidentState::kInvestigating;  //!< follows the comments
  IncidentSource source = IncidentSource::kApi;         //!< Kener's incident_source
  bool global = true;                                   //!< Kener's is_global: shown on every page
  std::vector<MonitorImpact> monitors;                  //!< impacts DOWN or DEGRADED
  Seconds created_at = 0;                               //!< set by the store
  Seconds updated_at = 0;                               //!< set by the store

  //! True when the incident imposes its impacts at `t`: started, and before its end (an
  //! incident without an end runs on until it is resolved).
  bool in_force_at(Seconds t) const;
  //! True when the incident's time [start, end) meets [from, to); without an end it runs on.
  bool overlaps(Seconds from, Seconds to) const;
};

//! Checks an incident's own fields (title, times, monitor impacts); returns "field: problem" lines.
std::vector<std::string> validate_incident(const Incident& incident);

}  // namespace vigil
