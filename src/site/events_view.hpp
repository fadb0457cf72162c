#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "core/maintenance_event_detail.hpp"
#include "core/page_spec.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! Monitors whose events a view shows; nullopt for every monitor.
using EventScope = std::optional<std::vector<std::string>>;

//! True when an incident has a public page: it is global or affects a visible monitor.
bool has_public_page(const SiteDeps& deps, const Incident& incident);
//! "/incidents/7": the path of an incident's public page.
std::string incident_path(std::int64_t id);
//! "/events/November-2026": the events page of the month holding `t` in the context's zone.
std::string events_month_path(const RenderContext& ctx, Seconds t);

//! One incident as the templates show it (title, impact, state and its colour, times, monitors,
//! comments with their state colours, and the url of its page when it has a public one).
ViewData incident_view(const SiteDeps& deps, const RenderContext& ctx, const Incident& incident);
//! One maintenance window as the templates show it.
ViewData maintenance_view(const SiteDeps& deps, const RenderContext& ctx,
                          const MaintenanceEventDetail& detail);

//! What an events panel shows.
struct EventPanelOptions {
  bool ongoing_incidents = true;     //!< incidents in force
  bool ongoing_maintenances = true;  //!< maintenance windows under way
  Seconds upcoming_within = 0;       //!< maintenance windows starting this soon (0: none)
  std::size_t upcoming_limit = 50;   //!< at most this many upcoming windows
};

//! The panel a status page's settings ask for (Kener's incidents and include_maintenances).
EventPanelOptions panel_options(const PageSettings& settings);

//! Sets the events panel of a page, a monitor page or the live-events embed on `view`: the
//! incidents and maintenances of `scope` that `options` ask for.
void add_events_panel(const SiteDeps& deps, const RenderContext& ctx, const EventScope& scope,
                      const EventPanelOptions& options, ViewData& view);

}  // namespace vigil
