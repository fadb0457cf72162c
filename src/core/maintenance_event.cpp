#include "core/maintenance_event.hpp"

namespace vigil {

std::string_view to_string(MaintenanceEventStatus status) {
  switch (status) {
    case MaintenanceEventStatus::kScheduled:
      return "SCHEDULED";
    case MaintenanceEventStatus::kReady:
      return "READY";
    case MaintenanceEventStatus::kOngoing:
      return "ONGOING";
    case MaintenanceEventStatus::kCompleted:
      return "COMPLETED";
    case MaintenanceEventStatus::kCancelled:
      return "CANCELLED";
  }
  return "SCHEDULED";
}

std::optional<MaintenanceEventStatus> parse_maintenance_event_status(std::string_view text) {
  for (MaintenanceEventStatus s :
       {MaintenanceEventStatus::kScheduled, MaintenanceEventStatus::kReady,
        MaintenanceEventStatus::kOngoing, MaintenanceEventStatus::kCompleted,
        MaintenanceEventStatus::kCancelled}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

bool is_final(MaintenanceEventStatus status) {
  return status == MaintenanceEventStatus::kCompleted ||
         status == MaintenanceEventStatus::kCancelled;
}

MaintenanceEventStatus MaintenanceEvent::status_at(Seconds now, Seconds reminder) const {
  if (is_final(status)) return status;
  if (now >= end_date_time) return MaintenanceEventStatus::kCompleted;
  if (now >= start_date_time) return MaintenanceEventStatus::kOngoing;
  if (now >= start_date_time - reminder) return MaintenanceEventStatus::kReady;
  return MaintenanceEventStatus::kScheduled;
}

}  // namespace vigil
