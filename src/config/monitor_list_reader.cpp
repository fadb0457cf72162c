#include "config/monitor_list_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "config/yaml_mapping.hpp"

namespace vigil {
namespace {

// Kener's monitor field names, plus Vigil's interval_seconds.
const std::vector<std::string_view> kMonitorKeys = {
    "tag",
    "name",
    "description",
    "image",
    "category_name",
    "external_url",
    "monitor_type",
    "type_data",
    "cron",
    "interval_seconds",
    "default_status",
    "status",
    "is_hidden",
    "confirmation_threshold",
    "include_degraded_in_downtime",
    "monitor_settings_json",
};

MonitorSpec read_fields(YamlMapping& fields) {
  MonitorSpec spec;
  spec.tag = fields.text("tag").value_or("");
  spec.name = fields.text("name").value_or("");
  spec.description = fields.text("description").value_or("");
  spec.image = fields.text("image").value_or("");
  spec.category_name = fields.text("category_name").value_or("");
  spec.external_url = fields.text("external_url");
  spec.monitor_type = fields.upper_text("monitor_type").value_or(spec.monitor_type);
  spec.type_data = fields.json_object("type_data").value_or(spec.type_data);
  spec.cron = fields.text("cron").value_or("");
  spec.interval_seconds = fields.integer("interval_seconds");
  if (auto status = fields.choice("default_status", {"UP", "DEGRADED", "DOWN"})) {
    spec.default_status = parse_status(*status);
  }
  if (auto status = fields.choice("status", {"ACTIVE", "INACTIVE"})) {
    spec.active = *status == "ACTIVE";
  }
  spec.hidden = fields.yes_no("is_hidden").value_or(spec.hidden);
  spec.confirmation_threshold =
      fields.integer("confirmation_threshold").value_or(spec.confirmation_threshold);
  if (auto include = fields.yes_no("include_degraded_in_downtime")) {
    spec.include_degraded_in_downtime = *include ? "YES" : "NO";
  }
  spec.monitor_settings_json =
      fields.json_object("monitor_settings_json").value_or(spec.monitor_settings_json);
  return spec;
}

// The field a "field: problem" line is about.
std::string_view field_of(std::string_view problem) {
  return problem.substr(0, problem.find(':'));
}

// A problem that names monitor_type (and is not about a type_data field) is about the type
// itself and is reported where the type is named; the rest where type_data is, or at the monitor
// when it has none. A message that does not name its field gets it as a prefix.
void report_type_problem(const YamlMapping& fields, ErrorList& errors, const std::string& problem) {
  const bool about_type =
      !problem.starts_with("type_data") && problem.find("monitor_type") != std::string::npos;
  const std::string field = about_type ? "monitor_type" : "type_data";
  errors.add(fields.mark(field),
             problem.find(field) != std::string::npos ? problem : field + ": " + problem);
}

}  // namespace

std::vector<MonitorSpec> MonitorListReader::read(const YAML::Node& list) {
  std::vector<MonitorSpec> monitors;
  for (const YAML::Node& item : list) {
    YamlMapping fields(item, "a monitor", kMonitorKeys, errors_);
    if (!fields.is_mapping()) continue;
    MonitorSpec spec = read_fields(fields);

    if (!spec.tag.empty()) {
      const int line = fields.mark("tag").line + 1;
      auto [first, inserted] = tag_lines_.emplace(spec.tag, line);
      if (!inserted) {
        fields.fail("tag", "duplicate tag '" + spec.tag + "' (first declared on line " +
                               std::to_string(first->second) + ")");
      }
    }
    // A field that could not be read is left at its default; core's opinion of that default
    // would only repeat the error already reported.
    for (const std::string& problem : validate_common_fields(spec)) {
      const std::string_view field = field_of(problem);
      if (!fields.failed(field)) errors_.add(fields.mark(field), problem);
    }
    if (!fields.failed("monitor_type") && !fields.failed("type_data")) {
      if (auto problem = catalog_.check(spec)) report_type_problem(fields, errors_, *problem);
    }
    monitors.push_back(std::move(spec));
  }
  return monitors;
}

}  // namespace vigil
