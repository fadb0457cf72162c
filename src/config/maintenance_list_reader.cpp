#include "config/maintenance_list_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <chrono>
#include <cstdio>

#include "config/yaml_mapping.hpp"

namespace vigil {
namespace {

const std::vector<std::string_view> kMaintenanceKeys = {
    "title",    "description", "start_date_time", "rrule",   "duration_seconds",
    "timezone", "status",      "is_global",       "monitors"};
const std::vector<std::string_view> kImpactKeys = {"tag", "impact"};

// A one-off window (Kener's spelling).
constexpr const char* kOneOffRule = "FREQ=MINUTELY;COUNT=1";

//! "2026-12-01T02:00:00Z", "2026-12-01T02:00Z", "2026-12-01T03:00:00+01:00" → Unix seconds.
std::optional<Seconds> parse_rfc3339(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[Tt ]%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &consumed) != 5) {
    return std::nullopt;
  }
  std::string_view rest = std::string_view(text).substr(static_cast<std::size_t>(consumed));
  if (rest.size() >= 3 && rest[0] == ':') {
    if (std::sscanf(std::string(rest.substr(1, 2)).c_str(), "%2d", &second) != 1) {
      return std::nullopt;
    }
    rest.remove_prefix(3);
  }
  Seconds offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int offset_hours = 0, offset_minutes = 0;
    if (std::sscanf(std::string(rest.substr(1)).c_str(), "%2d:%2d", &offset_hours,
                    &offset_minutes) != 2) {
      return std::nullopt;
    }
    offset = (offset_hours * 60 + offset_minutes) * 60 * (rest[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month(month),
                                         std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const Seconds days = std::chrono::sys_days(date).time_since_epoch().count();
  return days * kDay + hour * kHour + minute * kMinute + second - offset;
}

//! The start as Unix seconds or an RFC 3339 time.
void read_start(YamlMapping& fields, Maintenance& maintenance) {
  const auto text = fields.text("start_date_time");
  if (!text) {
    if (!fields.failed("start_date_time")) fields.fail("start_date_time", "is required");
    return;
  }
  Seconds unix_seconds = 0;
  const char* end = text->data() + text->size();
  if (const auto [last, ec] = std::from_chars(text->data(), end, unix_seconds);
      ec == std::errc() && last == end) {
    maintenance.start_date_time = unix_seconds;
    return;
  }
  if (const auto parsed = parse_rfc3339(*text)) {
    maintenance.start_date_time = *parsed;
    return;
  }
  fields.fail("start_date_time",
              "expected Unix seconds or an RFC 3339 time such as 2026-12-01T02:00:00Z");
}

//! Monitors as tags (impact MAINTENANCE) or {tag, impact} mappings.
std::vector<MonitorImpact> read_monitors(YamlMapping& fields, ErrorList& errors) {
  std::vector<MonitorImpact> monitors;
  for (const YAML::Node& item : fields.list("monitors")) {
    if (item.IsScalar()) {
      monitors.push_back(MonitorImpact{item.Scalar(), Status::kMaintenance});
      continue;
    }
    YamlMapping impact_fields(item, "a maintenance monitor", kImpactKeys, errors);
    if (!impact_fields.is_mapping()) continue;
    MonitorImpact impact{impact_fields.text("tag").value_or(""), Status::kMaintenance};
    if (impact.monitor_tag.empty() && !impact_fields.failed("tag")) {
      impact_fields.fail("tag", "is required");
    }
    if (const auto name =
            impact_fields.choice("impact", {"MAINTENANCE", "DOWN", "DEGRADED", "UP"})) {
      impact.impact = *parse_status(*name);
    }
    monitors.push_back(std::move(impact));
  }
  return monitors;
}

}  // namespace

std::vector<Maintenance> MaintenanceListReader::read(const YAML::Node& list) {
  std::vector<Maintenance> maintenances;
  for (const YAML::Node& item : list) {
    YamlMapping fields(item, "a maintenance", kMaintenanceKeys, errors_);
    if (!fields.is_mapping()) continue;
    Maintenance maintenance;
    maintenance.title = fields.text("title").value_or("");
    maintenance.description = fields.text("description").value_or("");
    maintenance.rrule = fields.text("rrule").value_or(kOneOffRule);
    maintenance.timezone = fields.text("timezone").value_or("UTC");
    maintenance.duration_seconds = fields.integer("duration_seconds", 1).value_or(0);
    maintenance.active =
        fields.choice("status", {"ACTIVE", "INACTIVE"}).value_or("ACTIVE") == "ACTIVE";
    maintenance.global = fields.yes_no("is_global").value_or(true);
    maintenance.monitors = read_monitors(fields, errors_);
    read_start(fields, maintenance);

    if (!maintenance.title.empty()) {
      const int line = fields.mark("title").line + 1;
      auto [first, inserted] = title_lines_.emplace(maintenance.title, line);
      if (!inserted) {
        fields.fail("title", "duplicate maintenance '" + maintenance.title +
                                 "' (first declared on line " + std::to_string(first->second) +
                                 ")");
      }
    }
    for (const std::string& problem : validate_maintenance(maintenance)) {
      const std::string field = problem.substr(0, problem.find(':'));
      if (!fields.failed(field)) errors_.add(fields.mark(field), problem);
    }
    maintenances.push_back(std::move(maintenance));
  }
  return maintenances;
}

}  // namespace vigil
