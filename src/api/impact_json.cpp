#include "api/impact_json.hpp"

#include <cmath>

#include "services/json_field_reader.hpp"

namespace vigil {

namespace json = boost::json;

json::array monitor_impacts_to_json(const std::vector<MonitorImpact>& monitors) {
  json::array list;
  for (const auto& m : monitors) {
    list.push_back(json::object{{"monitor_tag", m.monitor_tag}, {"impact", to_string(m.impact)}});
  }
  return list;
}

void read_monitor_impacts(const json::object& body, std::string_view key, Status fallback,
                          std::vector<MonitorImpact>& out, std::vector<std::string>& problems) {
  const json::value* value = body.if_contains(key);
  if (value == nullptr) return;
  out.clear();
  if (value->is_null()) return;
  JsonFieldReader reader(body, "", problems);
  const json::array* list = reader.array(key);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = reader.field(key) + "[" + std::to_string(i) + "]";
    if (!(*list)[i].is_object()) {
      problems.push_back(path + ": must be an object {monitor_tag, impact}");
      continue;
    }
    const json::object& item = (*list)[i].get_object();
    JsonFieldReader fields(item, path, problems);
    for (const auto& member : item) {
      if (member.key() != "monitor_tag" && member.key() != "impact") {
        fields.fail(member.key(), "is not a field of a monitor impact");
      }
    }
    fields.require({"monitor_tag"});
    MonitorImpact impact{"", fallback};
    fields.non_blank_text("monitor_tag", impact.monitor_tag);
    std::string name;
    fields.text("impact", name);
    if (!name.empty()) {
      auto status = parse_status(name);
      if (status) {
        impact.impact = *status;
      } else {
        fields.fail("impact", "must be DOWN, DEGRADED, MAINTENANCE or UP");
      }
    }
    out.push_back(std::move(impact));
  }
}

void read_seconds(const json::object& body, std::string_view key, Seconds& out,
                  std::vector<std::string>& problems) {
  // Kener takes any number (a fraction from Date.now() / 1000 is common) and floors it later.
  constexpr double kLargest = 1e15;
  const json::value* value = body.if_contains(key);
  if (value == nullptr || value->is_null()) return;
  if (value->is_int64()) {
    out = value->get_int64();
  } else if (value->is_double() && std::abs(value->get_double()) < kLargest) {
    out = static_cast<Seconds>(std::floor(value->get_double()));
  } else {
    problems.push_back(std::string(key) + ": must be a number of seconds (Unix time for a date)");
  }
}

void read_yes_no(const json::object& body, std::string_view key, bool& out,
                 std::vector<std::string>& problems) {
  const json::value* value = body.if_contains(key);
  if (value == nullptr || value->is_null()) return;
  if (value->is_bool()) {
    out = value->get_bool();
  } else if (value->is_string() && (value->get_string() == "YES" || value->get_string() == "NO")) {
    out = value->get_string() == "YES";
  } else {
    problems.push_back(std::string(key) + ": must be \"YES\" or \"NO\"");
  }
}

const char* yes_no(bool yes) {
  return yes ? "YES" : "NO";
}

}  // namespace vigil
