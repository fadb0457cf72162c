#pragma once

#include <cstddef>
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

//! One incident as the templates show it (title, impact, state, times, monitors, comments).
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
