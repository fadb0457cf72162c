#pragma once

#include "core/clock.hpp"
#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/maintenance_service.hpp"

namespace vigil {

//! Registers Kener's v4 maintenance routes: /api/v4/maintenances, /api/v4/maintenances/events,
//! /api/v4/maintenances/{maintenance_id}, its /events and /events/{event_id}. `clock` gives the
//! default start of the event list (now).
void add_maintenance_routes(Router& router, const ApiKeyService& keys,
                            MaintenanceService& maintenances, const Clock& clock);

}  // namespace vigil
