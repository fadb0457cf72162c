#pragma once

#include "http/router.hpp"
#include "site/site_deps.hpp"

namespace vigil {

//! The public site: status pages (`/`, `/{page_path}`), monitor pages, incident pages, monthly
//! events, embeds, RSS feeds, sitemap.xml, robots.txt, the page assets and the live feed
//! `/api/live` (server-sent events, no key needed). Every page is rendered once per revision of
//! the data under it and served from the ResponseCache (gzip, ETag, 304) until that data changes.
void add_public_routes(Router& router, const SiteDeps& deps);

}  // namespace vigil
