#include "site/events_view.hpp"

#include <algorithm>

#include "core/ascii_case.hpp"
#include "site/model/event_month.hpp"
#include "site/model/markdown.hpp"
#include "site/model/relative_duration.hpp"
#include "site/monitor_card.hpp"

namespace vigil {
namespace {

// Names of the monitors an event affects, joined with commas (unknown tags as they are).
std::string monitor_names(const SiteDeps& deps, const std::vector<MonitorImpact>& impacts) {
  std::string names;
  for (const auto& impact : impacts) {
    auto spec = deps.monitors.find(impact.monitor_tag);
    if (spec && spec->hidden) continue;
    if (!names.empty()) names += ", ";
    names += spec ? spec->name : impact.monitor_tag;
  }
  return names;
}

// How much an impact weighs when an event shows one colour: DOWN > DEGRADED > MAINTENANCE.
int weight(Status impact) {
  switch (impact) {
    case Status::kDown:
      return 3;
    case Status::kDegraded:
      return 2;
    case Status::kMaintenance:
      return 1;
    default:
      return 0;
  }
}

// The strongest impact of an event, for its colour; `fallback` when it has none.
Status strongest(const std::vector<MonitorImpact>& impacts, Status fallback) {
  Status worst = fallback;
  int worst_weight = 0;
  for (const auto& impact : impacts) {
    if (weight(impact.impact) > worst_weight) {
      worst = impact.impact;
      worst_weight = weight(impact.impact);
    }
  }
  return worst;
}

// The colour of an incident state: green once RESOLVED, else the incident's impact.
std::string state_class(IncidentState state, Status impact) {
  return status_class(state == IncidentState::kResolved ? Status::kUp : impact);
}

}  // namespace

bool has_public_page(const SiteDeps& deps, const Incident& incident) {
  if (incident.global) return true;
  std::vector<std::string> tags;
  for (const auto& impact : incident.monitors) tags.push_back(impact.monitor_tag);
  return !visible_monitors(deps, tags).empty();
}

std::string incident_path(std::int64_t id) {
  return "/incidents/" + std::to_string(id);
}

std::string events_month_path(const RenderContext& ctx, Seconds t) {
  return "/events/" + event_month_slug(month_of(ctx.zone.to_local(t)));
}

ViewData incident_view(const SiteDeps& deps, const RenderContext& ctx, const Incident& incident) {
  ViewData view;
  view.set("id", std::to_string(incident.id));
  view.set("anchor", "incident-" + std::to_string(incident.id));
  view.set("kind", "incident");
  view.set("kind_text", ctx.text(deps, "events.incident"));
  view.set("title", incident.title);
  if (has_public_page(deps, incident)) view.set("url", incident_path(incident.id));
  const Status impact = strongest(incident.monitors, Status::kDegraded);
  view.set("impact", status_class(impact));
  view.set("state_class", state_class(incident.state, impact));
  view.set("state_text", ctx.text(deps, "events." + to_lower(to_string(incident.state))));
  view.set("started", ctx.date_time(incident.start_date_time));
  view.set("starts", ctx.date_time(incident.start_date_time));
  if (incident.end_date_time) {
    view.set("ended", ctx.date_time(*incident.end_date_time));
    view.set("ends", ctx.date_time(*incident.end_date_time) + " (" +
                         relative_duration(*incident.end_date_time - incident.start_date_time) +
                         ")");
  }
  set_if(view, "monitor_names", monitor_names(deps, incident.monitors));
  ViewData comments{ViewData::type::list};
  if (auto timeline = deps.incidents.comments(incident.id); timeline.ok()) {
    for (const auto& comment : *timeline) {
      ViewData item;
      item.set("state_class", state_class(comment.state, impact));
      item.set("state_text", ctx.text(deps, "events." + to_lower(to_string(comment.state))));
      item.set("at", ctx.date_time(comment.commented_at));
      item.set("html", render_markdown(comment.comment));
      comments.push_back(item);
    }
  }
  view.set("comments", comments);
  return view;
}

ViewData maintenance_view(const SiteDeps& deps, const RenderContext& ctx,
                          const MaintenanceEventDetail& detail) {
  ViewData view;
  view.set("id", std::to_string(detail.event.id));
  view.set("anchor", "maintenance-" + std::to_string(detail.event.id));
  view.set("kind", "maintenance");
  view.set("kind_text", ctx.text(deps, "events.maintenance"));
  view.set("title", detail.maintenance.title);
  view.set("impact", status_class(strongest(detail.maintenance.monitors, Status::kMaintenance)));
  view.set("state_text", ctx.text(deps, "events." + to_lower(to_string(detail.event.status))));
  view.set("starts", ctx.date_time(detail.event.start_date_time));
  view.set("ends", ctx.date_time(detail.event.end_date_time));
  set_if(view, "monitor_names", monitor_names(deps, detail.maintenance.monitors));
  if (!detail.maintenance.description.empty()) {
    view.set("description", render_markdown(detail.maintenance.description));
  }
  return view;
}

EventPanelOptions panel_options(const PageSettings& settings) {
  const PageIncidentSettings& incidents = settings.incidents;
  const PageMaintenanceSettings& maintenances = settings.include_maintenances;
  EventPanelOptions options;
  options.ongoing_incidents = incidents.enabled && incidents.show_ongoing;
  options.ongoing_maintenances = maintenances.enabled && maintenances.show_ongoing;
  if (maintenances.enabled && maintenances.show_upcoming) {
    options.upcoming_within = maintenances.upcoming_days_in_future * kDay;
    options.upcoming_limit = static_cast<std::size_t>(std::max(0, maintenances.upcoming_max_count));
  }
  return options;
}

void add_events_panel(const SiteDeps& deps, const RenderContext& ctx, const EventScope& scope,
                      const EventPanelOptions& options, ViewData& view) {
  ViewData incidents{ViewData::type::list};
  if (options.ongoing_incidents) {
    for (const auto& incident : deps.incidents.ongoing(ctx.now, scope)) {
      incidents.push_back(incident_view(deps, ctx, incident));
    }
  }
  std::vector<MaintenanceEventDetail> windows;
  if (options.ongoing_maintenances) windows = deps.maintenances.ongoing_events(ctx.now, scope);
  if (options.upcoming_within > 0) {
    auto upcoming = deps.maintenances.upcoming_events(ctx.now, options.upcoming_within, scope);
    if (upcoming.size() > options.upcoming_limit) upcoming.resize(options.upcoming_limit);
    windows.insert(windows.end(), upcoming.begin(), upcoming.end());
  }
  ViewData maintenances{ViewData::type::list};
  for (const auto& window : windows) maintenances.push_back(maintenance_view(deps, ctx, window));
  const bool has_incidents = !incidents.list_value().empty();
  const bool has_maintenances = !windows.empty();
  view.set("has_incidents", has_incidents);
  view.set("has_maintenances", has_maintenances);
  view.set("has_events", has_incidents || has_maintenances);
  view.set("incidents", incidents);
  view.set("maintenances", maintenances);
  view.set("events_url", events_month_path(ctx, ctx.now));
}

}  // namespace vigil
