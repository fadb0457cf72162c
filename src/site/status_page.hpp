#pragma once

#include "core/page_spec.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! A status page (`/` or `/{page_path}`): header, banner, events, and a card per monitor.
HttpResponse render_status_page(const SiteDeps& deps, const RenderContext& ctx,
                                const PageSpec& page);

}  // namespace vigil
