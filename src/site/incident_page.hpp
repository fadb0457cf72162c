#pragma once

#include <optional>
#include <string_view>

#include "core/incident.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! The incident `/incidents/{id}` names when it has a public page (see has_public_page()); nullopt
//! for an id that is not a number, an unknown id or an incident of hidden monitors only.
std::optional<Incident> public_incident(const SiteDeps& deps, std::string_view id);

//! `/incidents/{id}`: an incident's title, state (in its colour), start and end in the context's
//! zone, the visible monitors it affects with their impact, and its updates, newest first.
HttpResponse render_incident_page(const SiteDeps& deps, const RenderContext& ctx,
                                  const Incident& incident);

}  // namespace vigil
