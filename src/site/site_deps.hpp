#pragma once

#include "core/clock.hpp"
#include "http/response_cache.hpp"
#include "services/incident_service.hpp"
#include "services/ingestor.hpp"
#include "services/live_state.hpp"
#include "services/maintenance_service.hpp"
#include "services/monitor_service.hpp"
#include "services/page_service.hpp"
#include "services/site_revision.hpp"
#include "services/site_service.hpp"
#include "services/status_summary_service.hpp"
#include "site/live_feed.hpp"
#include "site/model/day_history_cache.hpp"
#include "site/model/message_catalog.hpp"
#include "site/template_set.hpp"

namespace vigil {

//! Everything the public site reads; owned by the composition root.
struct SiteDeps {
  const MonitorService& monitors;
  const PageService& pages;
  const SiteService& site;
  const StatusSummaryService& summaries;
  Ingestor& ingestor;
  const IncidentService& incidents;
  const MaintenanceService& maintenances;
  DayHistoryCache& history;
  const LiveState& live;
  const SiteRevision& revision;
  const Clock& clock;
  const TemplateSet& templates;
  const MessageCatalog& messages;
  ResponseCache& cache;
  LiveFeed& feed;
};

}  // namespace vigil
