#include "api/maintenance_json.hpp"

#include "api/impact_json.hpp"
#include "api/json_request.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {

namespace json = boost::json;

json::object maintenance_to_json(const Maintenance& maintenance) {
  json::object o;
  o["id"] = maintenance.id;
  o["title"] = maintenance.title;
  o["description"] = maintenance.description;
  o["start_date_time"] = maintenance.start_date_time;
  o["rrule"] = maintenance.rrule;
  o["duration_seconds"] = maintenance.duration_seconds;
  o["timezone"] = maintenance.timezone;
  o["status"] = maintenance.active ? "ACTIVE" : "INACTIVE";
  o["is_global"] = yes_no(maintenance.global);
  o["monitors"] = monitor_impacts_to_json(maintenance.monitors);
  o["created_at"] = iso8601(maintenance.created_at);
  o["updated_at"] = iso8601(maintenance.updated_at);
  return o;
}

std::optional<Error> apply_maintenance_json(const json::object& body, bool creating,
                                            Maintenance& maintenance) {
  if (auto error = reject_unknown_keys(
          body, {"title", "description", "start_date_time", "rrule", "duration_seconds", "monitors",
                 "status", "is_global", "timezone"})) {
    return error;
  }
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (creating) reader.require({"title", "start_date_time", "rrule", "duration_seconds"});
  reader.text("title", maintenance.title);
  reader.text("description", maintenance.description);
  reader.text("rrule", maintenance.rrule);
  reader.text("timezone", maintenance.timezone);
  read_seconds(body, "start_date_time", maintenance.start_date_time, problems);
  read_seconds(body, "duration_seconds", maintenance.duration_seconds, problems);
  read_monitor_impacts(body, "monitors", Status::kMaintenance, maintenance.monitors, problems);
  read_yes_no(body, "is_global", maintenance.global, problems);
  if (const json::value* status = body.if_contains("status"); status && !status->is_null()) {
    if (status->is_string() &&
        (status->get_string() == "ACTIVE" || status->get_string() == "INACTIVE")) {
      maintenance.active = status->get_string() == "ACTIVE";
    } else {
      reader.fail("status", "must be \"ACTIVE\" or \"INACTIVE\"");
    }
  }
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

json::object event_to_json(const MaintenanceEvent& event) {
  return json::object{
      {"id", event.id},
      {"maintenance_id", event.maintenance_id},
      {"start_date_time", event.start_date_time},
      {"end_date_time", event.end_date_time},
      {"event_status", to_string(event.status)},
      {"status", to_string(event.status)},
      {"created_at", iso8601(event.created_at)},
      {"updated_at", iso8601(event.updated_at)},
  };
}

json::object event_detail_to_json(const MaintenanceEventDetail& detail) {
  json::object o = event_to_json(detail.event);
  o["maintenance"] = maintenance_to_json(detail.maintenance);
  return o;
}

}  // namespace vigil
