#include "api/incident_json.hpp"

#include "api/impact_json.hpp"
#include "api/json_request.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {

namespace json = boost::json;

json::object incident_to_json(const Incident& incident) {
  json::object o;
  o["id"] = incident.id;
  o["title"] = incident.title;
  o["start_date_time"] = incident.start_date_time;
  o["end_date_time"] =
      incident.end_date_time ? json::value(*incident.end_date_time) : json::value(nullptr);
  o["state"] = to_string(incident.state);
  o["status"] = "OPEN";
  o["incident_type"] = "INCIDENT";
  o["incident_source"] = to_string(incident.source);
  o["is_global"] = yes_no(incident.global);
  o["monitors"] = monitor_impacts_to_json(incident.monitors);
  o["created_at"] = iso8601(incident.created_at);
  o["updated_at"] = iso8601(incident.updated_at);
  return o;
}

std::optional<Error> apply_incident_json(const json::object& body, bool creating,
                                         Incident& incident) {
  if (auto error = reject_unknown_keys(
          body, {"title", "start_date_time", "end_date_time", "monitors", "is_global"})) {
    return error;
  }
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (creating) reader.require({"title", "start_date_time"});
  reader.text("title", incident.title);
  read_seconds(body, "start_date_time", incident.start_date_time, problems);
  if (const json::value* end = body.if_contains("end_date_time")) {
    Seconds value = 0;
    read_seconds(body, "end_date_time", value, problems);
    incident.end_date_time = end->is_null() ? std::nullopt : std::optional<Seconds>(value);
  }
  read_monitor_impacts(body, "monitors", Status::kDown, incident.monitors, problems);
  read_yes_no(body, "is_global", incident.global, problems);
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

json::object comment_to_json(const IncidentComment& comment) {
  return json::object{
      {"id", comment.id},
      {"incident_id", comment.incident_id},
      {"comment", comment.comment},
      {"state", to_string(comment.state)},
      {"timestamp", comment.commented_at},
      {"status", "ACTIVE"},
      {"created_at", iso8601(comment.created_at)},
      {"updated_at", iso8601(comment.updated_at)},
  };
}

Result<CommentFields> comment_fields(const json::object& body, bool creating) {
  if (auto error = reject_unknown_keys(body, {"comment", "state", "timestamp"})) return *error;
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (creating) reader.require({"comment", "state"});
  CommentFields fields;
  if (body.contains("comment")) reader.text("comment", fields.comment.emplace());
  if (const json::value* state = body.if_contains("state"); state && !state->is_null()) {
    fields.state = state->is_string() ? parse_incident_state(std::string_view(state->get_string()))
                                      : std::nullopt;
    if (!fields.state) {
      reader.fail("state", "must be one of INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED");
    }
  }
  if (body.contains("timestamp") && !body.at("timestamp").is_null()) {
    read_seconds(body, "timestamp", fields.timestamp.emplace(), problems);
  }
  if (!problems.empty()) return bad_request(problems);
  return fields;
}

}  // namespace vigil
