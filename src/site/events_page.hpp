#pragma once

#include "site/model/event_month.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! `/events/{Month-YYYY}`: the month's incidents and maintenance windows (in the context's
//! zone), newest first, with links to the previous and next months.
HttpResponse render_events_page(const SiteDeps& deps, const RenderContext& ctx, EventMonth month);

}  // namespace vigil
