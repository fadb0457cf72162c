#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "core/maintenance_event_detail.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! Monitors whose events a view shows; nullopt for every monitor.
using EventScope = std::optional<std::vector<std::string>>;

//! One incident as the templates show it (title, impact, state, times, monitors, comments).
ViewData incident_view(const SiteDeps& deps, const RenderContext& ctx, const Incident& incident);
//! One maintenance window as the templates show it.
ViewData maintenance_view(const SiteDeps& deps, const RenderContext& ctx,
                          const MaintenanceEventDetail& detail);

//! Sets the events panel of a page, a monitor page or the live-events embed on `view`: ongoing
//! incidents and ongoing or upcoming (within `upcoming_within`) maintenances of `scope`.
void add_events_panel(const SiteDeps& deps, const RenderContext& ctx, const EventScope& scope,
                      Seconds upcoming_within, ViewData& view);

}  // namespace vigil
