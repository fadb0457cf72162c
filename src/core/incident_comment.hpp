#pragma once

#include <cstdint>
#include <string>

#include "core/incident.hpp"

namespace vigil {

//! One update on an incident's timeline (Markdown text, the state it reports, its time).
struct IncidentComment {
  std::int64_t id = 0;                                  //!< set by the store
  std::int64_t incident_id = 0;                         //!< the incident it belongs to
  std::string comment;                                  //!< Markdown, not empty
  IncidentState state = IncidentState::kInvestigating;  //!< the state it reports
  Seconds commented_at = 0;  //!< Unix s, floored to the minute (Kener's `timestamp`)
  Seconds created_at = 0;    //!< set by the store
  Seconds updated_at = 0;    //!< set by the store
};

}  // namespace vigil
