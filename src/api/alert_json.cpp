#include "api/alert_json.hpp"

#include "api/impact_json.hpp"
#include "api/json_request.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

template <class T>
json::value optional_json(const std::optional<T>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

//! Who acknowledged: null while not acknowledged, else the name given (may be "").
json::value acknowledger_json(const std::optional<Seconds>& at, const std::string& by) {
  return at ? json::value(by) : json::value(nullptr);
}

json::array tags_json(const std::vector<std::string>& tags) {
  return json::array(tags.begin(), tags.end());
}

json::array ids_json(const std::vector<std::int64_t>& ids) {
  return json::array(ids.begin(), ids.end());
}

void read_tags(JsonFieldReader& reader, std::string_view key, std::vector<std::string>& out) {
  const json::array* list = reader.array(key);
  if (list == nullptr) return;
  std::vector<std::string> tags;
  for (const auto& item : *list) {
    if (!item.is_string()) return reader.fail(key, "must be a list of monitor tags");
    tags.emplace_back(item.get_string());
  }
  out = std::move(tags);
}

void read_ids(JsonFieldReader& reader, std::string_view key, std::vector<std::int64_t>& out) {
  const json::array* list = reader.array(key);
  if (list == nullptr) return;
  std::vector<std::int64_t> ids;
  for (const auto& item : *list) {
    if (!item.is_int64()) return reader.fail(key, "must be a list of trigger ids");
    ids.push_back(item.get_int64());
  }
  out = std::move(ids);
}

void read_value(JsonFieldReader& reader, const json::object& body, AlertRule& rule) {
  const json::value* value = body.if_contains("alert_value");
  if (value == nullptr || value->is_null()) return;
  if (value->is_string()) {
    rule.alert_value = value->get_string();
  } else if (value->is_number()) {
    rule.alert_value = json::serialize(*value);
  } else {
    reader.fail("alert_value", "must be a status, a number of milliseconds or a percentage");
  }
}

template <class Enum>
void read_enum(JsonFieldReader& reader, std::string_view key,
               std::optional<Enum> (*parse)(std::string_view), std::string_view choices,
               Enum& out) {
  std::string text;
  reader.text(key, text);
  if (text.empty()) return;
  if (auto parsed = parse(text)) {
    out = *parsed;
  } else {
    reader.fail(key, "must be one of " + std::string(choices));
  }
}

void read_escalation(JsonFieldReader& reader, const json::object& body, AlertRule& rule,
                     std::vector<std::string>& problems) {
  const json::value* value = body.if_contains("escalation");
  if (value == nullptr) return;
  if (value->is_null()) {
    rule.escalation.reset();
    return;
  }
  const json::object* object = reader.object("escalation");
  if (object == nullptr) return;
  if (auto error = reject_unknown_keys(*object, {"after_minutes", "triggers"})) {
    problems.push_back("escalation: " + error->message);
    return;
  }
  JsonFieldReader fields(*object, "escalation", problems);
  AlertEscalation escalation = rule.escalation.value_or(AlertEscalation{});
  fields.require({"after_minutes", "triggers"});
  fields.integer("after_minutes", escalation.after_minutes);
  read_ids(fields, "triggers", escalation.triggers);
  rule.escalation = std::move(escalation);
}

}  // namespace

json::object alert_to_json(const AlertRule& rule) {
  json::value escalation = nullptr;
  if (rule.escalation) {
    escalation = json::object{{"after_minutes", rule.escalation->after_minutes},
                              {"triggers", ids_json(rule.escalation->triggers)}};
  }
  return json::object{
      {"id", rule.id},
      {"monitors", tags_json(rule.monitors)},
      {"alert_for", to_string(rule.alert_for)},
      {"alert_value", rule.alert_value},
      {"failure_threshold", rule.failure_threshold},
      {"success_threshold", rule.success_threshold},
      {"severity", to_string(rule.severity)},
      {"create_incident", yes_no(rule.create_incident)},
      {"is_active", yes_no(rule.active)},
      {"description", rule.description},
      {"triggers", ids_json(rule.triggers)},
      {"reminder_minutes", rule.reminder_minutes},
      {"escalation", std::move(escalation)},
      {"depends_on", tags_json(rule.depends_on)},
      {"created_at", iso8601(rule.created_at)},
      {"updated_at", iso8601(rule.updated_at)},
  };
}

std::optional<Error> apply_alert_json(const json::object& body, bool creating, AlertRule& rule) {
  if (auto error = reject_unknown_keys(
          body, {"monitors", "alert_for", "alert_value", "failure_threshold", "success_threshold",
                 "severity", "create_incident", "is_active", "description", "triggers",
                 "reminder_minutes", "escalation", "depends_on"})) {
    return error;
  }
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (creating) reader.require({"monitors", "alert_for", "alert_value"});
  read_tags(reader, "monitors", rule.monitors);
  read_enum(reader, "alert_for", parse_alert_for, "STATUS, LATENCY, UPTIME", rule.alert_for);
  read_value(reader, body, rule);
  reader.integer("failure_threshold", rule.failure_threshold);
  reader.integer("success_threshold", rule.success_threshold);
  read_enum(reader, "severity", parse_alert_severity, "WARNING, CRITICAL", rule.severity);
  read_yes_no(body, "create_incident", rule.create_incident, problems);
  read_yes_no(body, "is_active", rule.active, problems);
  reader.text("description", rule.description);
  read_ids(reader, "triggers", rule.triggers);
  reader.integer("reminder_minutes", rule.reminder_minutes);
  read_escalation(reader, body, rule, problems);
  read_tags(reader, "depends_on", rule.depends_on);
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

json::object alert_state_to_json(const AlertState& state) {
  return json::object{
      {"id", state.id},
      {"alert_config_id", state.rule_id},
      {"monitor_tag", state.monitor_tag},
      {"alert_status", to_string(state.status)},
      {"triggered_at", state.triggered_at},
      {"resolved_at", optional_json(state.resolved_at)},
      {"incident_id", optional_json(state.incident_id)},
      {"acknowledged_at", optional_json(state.acknowledged_at)},
      {"acknowledged_by", acknowledger_json(state.acknowledged_at, state.acknowledged_by)},
      {"escalated", state.escalated},
      {"last_notified_at", state.last_notified_at},
  };
}

json::object alert_history_to_json(const AlertHistoryEntry& entry) {
  return json::object{
      {"id", entry.id},
      {"alert_config_id", entry.rule_id},
      {"monitor_tag", entry.monitor_tag},
      {"from_status",
       entry.from_status ? json::value(to_string(*entry.from_status)) : json::value(nullptr)},
      {"to_status", to_string(entry.to_status)},
      {"value", entry.value},
      {"incident_id", optional_json(entry.incident_id)},
      {"acknowledged_by", acknowledger_json(entry.acknowledged_at, entry.acknowledged_by)},
      {"acknowledged_at", optional_json(entry.acknowledged_at)},
      {"created_at", entry.created_at},
  };
}

}  // namespace vigil
