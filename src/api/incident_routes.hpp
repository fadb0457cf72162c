#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/incident_service.hpp"

namespace vigil {

//! Registers Kener's v4 incident routes: /api/v4/incidents, /api/v4/incidents/{incident_id}
//! and its comments, /comments/{comment_id}.
void add_incident_routes(Router& router, const ApiKeyService& keys, IncidentService& incidents);

}  // namespace vigil
