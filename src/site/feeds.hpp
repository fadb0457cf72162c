#pragma once

#include "site/events_view.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! An RSS 2.0 feed of the incidents and maintenance windows of `scope` (the last 90 days and
//! the next 30, newest first, at most 50 items). `title` names the feed; `path` is the page it
//! belongs to. Links use siteURL, or the request's Host when siteURL is not set.
HttpResponse render_rss(const SiteDeps& deps, const RenderContext& ctx, const HttpRequest& request,
                        const EventScope& scope, const std::string& title, const std::string& path);

//! sitemap.xml: every page, every visible monitor page and this month's events page.
HttpResponse render_sitemap(const SiteDeps& deps, const RenderContext& ctx,
                            const HttpRequest& request);

//! robots.txt: everything may be crawled; points at the sitemap.
HttpResponse render_robots(const SiteDeps& deps, const HttpRequest& request);

}  // namespace vigil
