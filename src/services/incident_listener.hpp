#pragma once

#include "core/incident.hpp"
#include "core/incident_comment.hpp"

namespace vigil {

//! Told by IncidentService about changes people may want to hear about (subscribers).
class IncidentListener {
 public:
  virtual ~IncidentListener() = default;
  //! A new incident was stored.
  virtual void incident_created(const Incident& incident) = 0;
  //! A comment was added to `incident` (as it stands after the comment).
  virtual void comment_added(const Incident& incident, const IncidentComment& comment) = 0;
};

}  // namespace vigil
