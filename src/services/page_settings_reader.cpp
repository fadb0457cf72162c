#include "services/page_settings_reader.hpp"

#include <boost/json.hpp>

#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

std::optional<json::value> parse_object(std::string_view text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return value;
}

void merge_patch(json::value& target, const json::value& patch) {
  if (!patch.is_object()) {
    target = patch;
    return;
  }
  if (!target.is_object()) target = json::object();
  json::object& merged = target.get_object();
  for (const auto& member : patch.get_object()) {
    if (member.value().is_null()) {
      merged.erase(member.key());
    } else {
      merge_patch(merged[member.key()], member.value());
    }
  }
}

void read_incidents(JsonFieldReader& parent, PageIncidentSettings& out,
                    std::vector<std::string>& problems) {
  const json::object* object = parent.object("incidents");
  if (object == nullptr) return;
  JsonFieldReader incidents(*object, parent.field("incidents"), problems);
  incidents.boolean("enabled", out.enabled);
  if (const json::object* ongoing = incidents.object("ongoing")) {
    JsonFieldReader(*ongoing, incidents.field("ongoing"), problems)
        .boolean("show", out.show_ongoing);
  }
  if (const json::object* object_resolved = incidents.object("resolved")) {
    JsonFieldReader resolved(*object_resolved, incidents.field("resolved"), problems);
    resolved.boolean("show", out.show_resolved);
    resolved.integer("max_count", out.resolved_max_count);
    resolved.integer("days_in_past", out.resolved_days_in_past);
  }
}

void read_maintenances(JsonFieldReader& parent, PageMaintenanceSettings& out,
                       std::vector<std::string>& problems) {
  const json::object* object = parent.object("include_maintenances");
  if (object == nullptr) return;
  JsonFieldReader maintenances(*object, parent.field("include_maintenances"), problems);
  maintenances.boolean("enabled", out.enabled);
  const json::object* object_ongoing = maintenances.object("ongoing");
  if (object_ongoing == nullptr) return;
  JsonFieldReader ongoing(*object_ongoing, maintenances.field("ongoing"), problems);
  ongoing.boolean("show", out.show_ongoing);
  if (const json::object* object_past = ongoing.object("past")) {
    JsonFieldReader past(*object_past, ongoing.field("past"), problems);
    past.boolean("show", out.show_past);
    past.integer("max_count", out.past_max_count);
    past.integer("days_in_past", out.past_days_in_past);
  }
  if (const json::object* object_upcoming = ongoing.object("upcoming")) {
    JsonFieldReader upcoming(*object_upcoming, ongoing.field("upcoming"), problems);
    upcoming.boolean("show", out.show_upcoming);
    upcoming.integer("max_count", out.upcoming_max_count);
    upcoming.integer("days_in_future", out.upcoming_days_in_future);
  }
}

std::vector<std::string> read_settings(const json::object& object, PageSettings& out) {
  std::vector<std::string> problems;
  JsonFieldReader settings(object, "page_settings", problems);
  read_incidents(settings, out.incidents, problems);
  read_maintenances(settings, out.include_maintenances, problems);
  if (const json::object* days = settings.object("monitor_status_history_days")) {
    JsonFieldReader history(*days, settings.field("monitor_status_history_days"), problems);
    history.integer("desktop", out.history_days_desktop);
    history.integer("mobile", out.history_days_mobile);
  }
  settings.text("monitor_layout_style", out.monitor_layout_style);
  settings.text("meta_page_title", out.meta_page_title);
  settings.text("meta_page_description", out.meta_page_description);
  settings.text("social_page_preview_image", out.social_page_preview_image);
  for (auto& problem : validate_page_settings(out)) problems.push_back(std::move(problem));
  return problems;
}

}  // namespace

std::optional<std::string> resolve_page_settings(std::string_view stored_json,
                                                 std::string_view patch_json,
                                                 PageSettings& settings,
                                                 std::vector<std::string>& problems) {
  json::value effective = *parse_object(default_page_settings_json());
  for (std::string_view layer : {stored_json, patch_json}) {
    auto object = parse_object(layer);
    if (!object) {
      problems.push_back("page_settings: must be a JSON object");
      return std::nullopt;
    }
    merge_patch(effective, *object);
  }
  PageSettings read;
  auto found = read_settings(effective.get_object(), read);
  if (!found.empty()) {
    problems.insert(problems.end(), found.begin(), found.end());
    return std::nullopt;
  }
  settings = std::move(read);
  return json::serialize(effective);
}

}  // namespace vigil
