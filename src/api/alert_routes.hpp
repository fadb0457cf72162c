#pragma once

#include "alerting/alert_engine.hpp"
#include "alerting/alert_service.hpp"
#include "http/router.hpp"
#include "services/api_key_service.hpp"

namespace vigil {

//! Registers the alert rule routes: /api/v4/alerts, /api/v4/alerts/{alert_id}, and under it
//! GET /states (the alert of each monitor), GET /history (its status changes, newest first,
//! paged) and POST /acknowledge ({"monitor_tag": ..., "acknowledged_by": ...}).
void add_alert_routes(Router& router, const ApiKeyService& keys, AlertService& alerts,
                      AlertEngine& engine);

}  // namespace vigil
