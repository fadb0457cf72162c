#include "api/trigger_json.hpp"

#include "api/json_request.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {

namespace json = boost::json;

json::object trigger_to_json(const Trigger& trigger) {
  json::value meta = stored_json(trigger.trigger_meta);
  return json::object{
      {"id", trigger.id},
      {"name", trigger.name},
      {"trigger_type", trigger.trigger_type},
      {"trigger_desc", trigger.trigger_desc},
      {"trigger_status", trigger.active ? "ACTIVE" : "INACTIVE"},
      {"trigger_meta", meta.is_object() ? meta : json::object()},
      {"created_at", iso8601(trigger.created_at)},
      {"updated_at", iso8601(trigger.updated_at)},
  };
}

std::optional<Error> apply_trigger_json(const json::object& body, bool creating, Trigger& trigger) {
  if (auto error = reject_unknown_keys(
          body, {"name", "trigger_type", "trigger_desc", "trigger_status", "trigger_meta"})) {
    return error;
  }
  std::vector<std::string> problems;
  JsonFieldReader reader(body, "", problems);
  if (creating) reader.require({"name", "trigger_type"});
  reader.text("name", trigger.name);
  reader.text("trigger_type", trigger.trigger_type);
  reader.text("trigger_desc", trigger.trigger_desc);
  std::string status;
  reader.text("trigger_status", status);
  if (status == "ACTIVE" || status == "INACTIVE") {
    trigger.active = status == "ACTIVE";
  } else if (!status.empty()) {
    reader.fail("trigger_status", "must be ACTIVE or INACTIVE");
  }
  if (const json::object* meta = reader.object("trigger_meta")) {
    trigger.trigger_meta = json::serialize(*meta);
  }
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

}  // namespace vigil
