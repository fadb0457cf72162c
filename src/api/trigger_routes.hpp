#pragma once

#include "alerting/trigger_service.hpp"
#include "http/router.hpp"
#include "services/api_key_service.hpp"

namespace vigil {

//! Registers the trigger routes: /api/v4/triggers, /api/v4/triggers/{trigger_id} and
//! POST /api/v4/triggers/{trigger_id}/test (sends a sample alert at once).
void add_trigger_routes(Router& router, const ApiKeyService& keys, TriggerService& triggers);

}  // namespace vigil
