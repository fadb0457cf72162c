#include "core/incident.hpp"

#include "core/trim.hpp"

namespace vigil {

std::string_view to_string(IncidentState state) {
  switch (state) {
    case IncidentState::kInvestigating:
      return "INVESTIGATING";
    case IncidentState::kIdentified:
      return "IDENTIFIED";
    case IncidentState::kMonitoring:
      return "MONITORING";
    case IncidentState::kResolved:
      return "RESOLVED";
  }
  return "INVESTIGATING";
}

std::optional<IncidentState> parse_incident_state(std::string_view text) {
  for (IncidentState s : {IncidentState::kInvestigating, IncidentState::kIdentified,
                          IncidentState::kMonitoring, IncidentState::kResolved}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view to_string(IncidentSource source) {
  switch (source) {
    case IncidentSource::kDashboard:
      return "DASHBOARD";
    case IncidentSource::kApi:
      return "API";
    case IncidentSource::kAlert:
      return "ALERT";
  }
  return "API";
}

std::optional<IncidentSource> parse_incident_source(std::string_view text) {
  for (IncidentSource s :
       {IncidentSource::kDashboard, IncidentSource::kApi, IncidentSource::kAlert}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

bool Incident::in_force_at(Seconds t) const {
  if (t < start_date_time) return false;
  return end_date_time ? t < *end_date_time : state != IncidentState::kResolved;
}

bool Incident::overlaps(Seconds from, Seconds to) const {
  return start_date_time < to && (!end_date_time || *end_date_time > from);
}

std::vector<std::string> validate_incident(const Incident& incident) {
  std::vector<std::string> problems;
  if (trim(incident.title).empty()) problems.push_back("title: must not be empty");
  if (incident.end_date_time && *incident.end_date_time < incident.start_date_time) {
    problems.push_back("end_date_time: must not be before start_date_time");
  }
  for (auto& line :
       validate_monitor_impacts(incident.monitors, {Status::kDown, Status::kDegraded})) {
    problems.push_back(std::move(line));
  }
  return problems;
}

}  // namespace vigil
