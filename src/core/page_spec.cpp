#include "core/page_spec.hpp"

#include <algorithm>
#include <cctype>

#include "core/monitor_spec.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

constexpr std::size_t kMaxPathLength = 64;
constexpr int kMaxHistoryDays = 365;

// First segments of Vigil's own public and API routes; a page there could never be reached.
constexpr std::string_view kReservedPaths[] = {
    "api",         "assets",    "badge",     "embed",        "events",
    "healthcheck", "incidents", "js",        "maintenances", "manage",
    "metrics",     "monitors",  "subscribe", "subscription", "unsubscribe",
};

constexpr std::string_view kDefaultSettingsJson =
    R"({"incidents":{"enabled":true,"ongoing":{"show":true},)"
    R"("resolved":{"show":true,"max_count":5,"days_in_past":7}},)"
    R"("include_maintenances":{"enabled":true,"ongoing":{"show":true,)"
    R"("past":{"show":true,"max_count":5,"days_in_past":7},)"
    R"("upcoming":{"show":true,"max_count":5,"days_in_future":30}}},)"
    R"("monitor_status_history_days":{"desktop":90,"mobile":30},)"
    R"("monitor_layout_style":"default-list"})";

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool is_reserved(std::string_view path) {
  return std::find(std::begin(kReservedPaths), std::end(kReservedPaths), path) !=
         std::end(kReservedPaths);
}

Error path_error(std::string problem) {
  return Error{ErrorCode::kBadRequest, "page_path: " + std::move(problem)};
}

void check_non_negative(int value, const char* field, std::vector<std::string>& problems) {
  if (value < 0) problems.push_back("page_settings." + std::string(field) + ": must be at least 0");
}

void check_history_days(int value, const char* device, std::vector<std::string>& problems) {
  if (value < 1 || value > kMaxHistoryDays) {
    problems.push_back("page_settings.monitor_status_history_days." + std::string(device) +
                       ": must be between 1 and 365");
  }
}

}  // namespace

std::string_view default_page_settings_json() {
  return kDefaultSettingsJson;
}

std::string page_path_token(std::string_view page_path) {
  return std::string(page_path.empty() ? kHomePageToken : page_path);
}

Result<std::string> sanitize_page_path(std::string_view requested) {
  if (requested == kHomePageToken) return std::string();
  std::string_view trimmed = trim(requested);
  if (trimmed.empty()) {
    return path_error("must not be empty (the home page is addressed as ~home)");
  }
  std::string path;
  bool in_space = false;
  for (char c : trimmed) {
    if (is_space(c)) {
      if (!in_space) path += '-';
      in_space = true;
      continue;
    }
    in_space = false;
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_valid_tag(std::string_view(&lower, 1))) path += lower;
  }
  if (path.empty()) {
    return path_error("'" + std::string(requested) + "' has no letters, digits, '-' or '_'");
  }
  if (path.size() > kMaxPathLength) return path_error("must be at most 64 characters");
  if (is_reserved(path)) return path_error("'" + path + "' is reserved for Vigil's own routes");
  return path;
}

std::vector<std::string> validate_page_fields(const PageSpec& page) {
  std::vector<std::string> problems;
  if (!page.page_path.empty() && (!is_valid_tag(page.page_path) || is_reserved(page.page_path))) {
    problems.push_back(
        "page_path: must be 1-64 characters of a-z, 0-9, '_' and '-', and not a route of Vigil's");
  }
  if (trim(page.page_title).empty()) problems.push_back("page_title: must not be empty");
  if (trim(page.page_header).empty()) problems.push_back("page_header: must not be empty");
  for (auto it = page.monitors.begin(); it != page.monitors.end(); ++it) {
    if (!is_valid_tag(*it)) {
      problems.push_back("monitors: '" + *it + "' is not a monitor tag");
    } else if (std::find(page.monitors.begin(), it, *it) != it) {
      problems.push_back("monitors: '" + *it + "' is listed twice");
    }
  }
  return problems;
}

std::vector<std::string> validate_page_settings(const PageSettings& settings) {
  std::vector<std::string> problems;
  check_history_days(settings.history_days_desktop, "desktop", problems);
  check_history_days(settings.history_days_mobile, "mobile", problems);
  if (std::find(std::begin(kMonitorLayoutStyles), std::end(kMonitorLayoutStyles),
                settings.monitor_layout_style) == std::end(kMonitorLayoutStyles)) {
    problems.push_back(
        "page_settings.monitor_layout_style: must be one of default-list, default-grid, "
        "compact-list, compact-grid");
  }
  const PageIncidentSettings& incidents = settings.incidents;
  check_non_negative(incidents.resolved_max_count, "incidents.resolved.max_count", problems);
  check_non_negative(incidents.resolved_days_in_past, "incidents.resolved.days_in_past", problems);
  const PageMaintenanceSettings& maintenances = settings.include_maintenances;
  check_non_negative(maintenances.past_max_count, "include_maintenances.ongoing.past.max_count",
                     problems);
  check_non_negative(maintenances.past_days_in_past,
                     "include_maintenances.ongoing.past.days_in_past", problems);
  check_non_negative(maintenances.upcoming_max_count,
                     "include_maintenances.ongoing.upcoming.max_count", problems);
  check_non_negative(maintenances.upcoming_days_in_future,
                     "include_maintenances.ongoing.upcoming.days_in_future", problems);
  return problems;
}

}  // namespace vigil
