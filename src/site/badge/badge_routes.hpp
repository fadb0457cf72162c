#pragma once

#include <functional>
#include <string>

#include "core/clock.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "services/live_state.hpp"
#include "services/monitor_service.hpp"
#include "services/site_revision.hpp"
#include "services/status_summary_service.hpp"

namespace vigil {

//! What the badge routes read.
struct BadgeRouteDeps {
  const MonitorService& monitors;
  const StatusSummaryService& summaries;
  const LiveState& live;
  const SiteRevision& site;
  ResponseCache& cache;
  const Clock& clock;
  //! The label of the `_` badges (Kener: the site name); "All Monitors" when unset or empty.
  std::function<std::string()> site_name = {};
};

//! Kener's badges: GET /badge/{tag}/status, /badge/{tag}/uptime, /badge/{tag}/latency and
//! /badge/{tag}/dot, with the query parameters of parse_badge_query. Tag `_` covers every
//! active, non-hidden monitor (worst status, summed counts with the standard uptime formula).
//! A hidden, inactive or unknown monitor gets a "not found" SVG badge with status 404 (Kener
//! answers 200); a bad query value a 400 JSON error. Badges are SVG, served through the
//! ResponseCache and re-rendered when the site or live revision moves, or each minute.
void add_badge_routes(Router& router, BadgeRouteDeps deps);

}  // namespace vigil
