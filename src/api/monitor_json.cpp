#include "api/monitor_json.hpp"

#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

json::value parse_object_text(const std::string& text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  return ec ? json::value(json::object()) : value;
}

Error field_error(std::string_view field, std::string_view expected) {
  return Error{ErrorCode::kBadRequest, std::string(field) + " must be " + std::string(expected)};
}

//! Reads one body field into `spec`; returns an error when its type or value is wrong.
std::optional<Error> apply_field(std::string_view key, const json::value& v, MonitorSpec& spec) {
  auto string_field = [&](std::string& out) -> std::optional<Error> {
    if (!v.is_string()) return field_error(key, "a string");
    out = std::string(v.as_string());
    return std::nullopt;
  };
  auto yes_no = [&](bool& out, std::string_view yes, std::string_view no) -> std::optional<Error> {
    if (v.is_bool()) {
      out = v.as_bool();
    } else if (v.is_string() && v.as_string() == yes) {
      out = true;
    } else if (v.is_string() && v.as_string() == no) {
      out = false;
    } else {
      return field_error(key, "\"" + std::string(yes) + "\" or \"" + std::string(no) + "\"");
    }
    return std::nullopt;
  };
  auto object_text = [&](std::string& out) -> std::optional<Error> {
    if (v.is_null()) {
      out = "{}";
    } else if (v.is_object()) {
      out = json::serialize(v);
    } else {
      return field_error(key, "an object");
    }
    return std::nullopt;
  };

  if (key == "tag") return string_field(spec.tag);
  if (key == "name") return string_field(spec.name);
  if (key == "description") return string_field(spec.description);
  if (key == "image") return string_field(spec.image);
  if (key == "category_name") return string_field(spec.category_name);
  if (key == "monitor_type") return string_field(spec.monitor_type);
  if (key == "include_degraded_in_downtime") return string_field(spec.include_degraded_in_downtime);
  if (key == "type_data") return object_text(spec.type_data);
  if (key == "monitor_settings_json") return object_text(spec.monitor_settings_json);
  if (key == "status") return yes_no(spec.active, "ACTIVE", "INACTIVE");
  if (key == "is_hidden") return yes_no(spec.hidden, "YES", "NO");
  if (key == "cron") {
    if (auto error = string_field(spec.cron)) return error;
    if (!spec.cron.empty()) spec.interval_seconds.reset();
    return std::nullopt;
  }
  if (key == "interval_seconds") {
    if (v.is_null()) {
      spec.interval_seconds.reset();
    } else if (v.is_int64() && v.as_int64() >= 1 && v.as_int64() <= 86400) {
      spec.interval_seconds = static_cast<int>(v.as_int64());
      spec.cron.clear();
    } else {
      return field_error(key, "an integer from 1 to 86400");
    }
    return std::nullopt;
  }
  if (key == "confirmation_threshold") {
    if (!v.is_int64()) return field_error(key, "an integer");
    spec.confirmation_threshold = static_cast<int>(v.as_int64());
    return std::nullopt;
  }
  if (key == "default_status") {
    if (v.is_null() || (v.is_string() && v.as_string().empty())) {
      spec.default_status.reset();
      return std::nullopt;
    }
    auto status = v.is_string() ? parse_status(std::string_view(v.as_string())) : std::nullopt;
    if (!status) return field_error(key, "UP, DOWN or DEGRADED");
    spec.default_status = status;
    return std::nullopt;
  }
  if (key == "external_url") {
    if (v.is_null()) {
      spec.external_url.reset();
      return std::nullopt;
    }
    std::string url;
    if (auto error = string_field(url)) return field_error(key, "a string or null");
    spec.external_url = url;
    return std::nullopt;
  }
  return Error{ErrorCode::kBadRequest, "unknown field '" + std::string(key) + "'"};
}

}  // namespace

json::object monitor_to_json(const MonitorSpec& spec) {
  json::object o;
  o["tag"] = spec.tag;
  o["name"] = spec.name;
  o["description"] = spec.description;
  o["image"] = spec.image;
  o["cron"] = spec.cron;
  o["default_status"] =
      spec.default_status ? json::value(to_string(*spec.default_status)) : json::value(nullptr);
  o["status"] = spec.active ? "ACTIVE" : "INACTIVE";
  o["category_name"] = spec.category_name;
  o["monitor_type"] = spec.monitor_type;
  o["type_data"] = parse_object_text(spec.type_data);
  o["include_degraded_in_downtime"] = spec.include_degraded_in_downtime;
  o["is_hidden"] = spec.hidden ? "YES" : "NO";
  o["monitor_settings_json"] = parse_object_text(spec.monitor_settings_json);
  o["external_url"] = spec.external_url ? json::value(*spec.external_url) : json::value(nullptr);
  o["interval_seconds"] =
      spec.interval_seconds ? json::value(*spec.interval_seconds) : json::value(nullptr);
  o["confirmation_threshold"] = spec.confirmation_threshold;
  o["created_at"] = iso8601(spec.created_at);
  o["updated_at"] = iso8601(spec.updated_at);
  return o;
}

std::optional<Error> apply_monitor_json(const json::object& body, bool creating,
                                        MonitorSpec& spec) {
  if (!creating && body.contains("tag")) {
    return Error{ErrorCode::kBadRequest, "tag cannot be changed; create a new monitor instead"};
  }
  auto given = [&](std::string_view key) {
    const json::value* v = body.if_contains(key);
    return v && !v->is_null() && !(v->is_string() && v->as_string().empty());
  };
  if (given("cron") && given("interval_seconds")) {
    return Error{ErrorCode::kBadRequest, "give either cron or interval_seconds, not both"};
  }
  for (const auto& entry : body) {
    if (auto error = apply_field(entry.key(), entry.value(), spec)) return error;
  }
  if (creating && (spec.tag.empty() || spec.name.empty())) {
    return Error{ErrorCode::kBadRequest, "tag and name are required"};
  }
  return std::nullopt;
}

}  // namespace vigil
