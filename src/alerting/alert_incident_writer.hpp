#pragma once

#include <cstdint>
#include <optional>

#include "alerting/alert_notice.hpp"
#include "services/incident_service.hpp"

namespace vigil {

//! Kener's auto-incidents: opens an incident (source ALERT, INVESTIGATING, title
//! "{monitor} {alert_for}: {alert_value}", first update a Markdown table of the alert) when an
//! alert with create_incident fires, and resolves it with the duration when the alert does.
class AlertIncidentWriter {
 public:
  //! Writes through `incidents`, which must outlive the writer.
  explicit AlertIncidentWriter(IncidentService& incidents) : incidents_(incidents) {}

  //! Opens the incident of a TRIGGERED notice; its id, or nullopt when it could not be stored.
  std::optional<std::int64_t> open(const AlertNotice& notice);
  //! Adds the RESOLVED update to the notice's incident (a deleted incident is skipped).
  void close(const AlertNotice& notice, std::int64_t incident_id);

  //! The impact an alert's incident gives its monitor: the STATUS value, DEGRADED otherwise.
  static Status impact_of(const AlertRule& rule);

 private:
  IncidentService& incidents_;
};

}  // namespace vigil
