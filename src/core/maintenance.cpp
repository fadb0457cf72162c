#include "core/maintenance.hpp"

#include "core/trim.hpp"

namespace vigil {

bool Maintenance::same_schedule(const Maintenance& other) const {
  return start_date_time == other.start_date_time && rrule == other.rrule &&
         duration_seconds == other.duration_seconds && timezone == other.timezone;
}

std::vector<std::string> validate_maintenance(const Maintenance& maintenance) {
  std::vector<std::string> problems;
  if (trim(maintenance.title).empty()) problems.push_back("title: must not be empty");
  if (trim(maintenance.rrule).empty()) problems.push_back("rrule: must not be empty");
  if (maintenance.duration_seconds < 1) problems.push_back("duration_seconds: must be at least 1");
  if (trim(maintenance.timezone).empty()) problems.push_back("timezone: must not be empty");
  for (auto& line : validate_monitor_impacts(
           maintenance.monitors,
           {Status::kMaintenance, Status::kDown, Status::kDegraded, Status::kUp})) {
    problems.push_back(std::move(line));
  }
  return problems;
}

}  // namespace vigil
