#pragma once

#include "site/render_context.hpp"

namespace vigil {

//! Kener's embeds, each an iframe page and, with a trailing `/js`, a script that inserts that
//! iframe where it stands: `/embed/monitor-{tag}` (theme, days), `/embed/latency-{tag}` (theme,
//! days, height, metric) and `/embed/events/live` (theme, incidents, maintenance, tags).
//! `widget` is the path after /embed/ without the `/js`; bad query values are 400 errors and an
//! unknown or hidden monitor a 404.
HttpResponse render_embed(const SiteDeps& deps, const RenderContext& ctx,
                          const HttpRequest& request, std::string_view widget);

//! The loader script of an embed: inserts an iframe showing `frame_url`.
HttpResponse render_embed_loader(const SiteDeps& deps, const RenderContext& ctx,
                                 const HttpRequest& request, std::string_view widget);

}  // namespace vigil
