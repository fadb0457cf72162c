#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/monitor_service.hpp"

namespace vigil {

//! Registers Kener's v4 monitor routes: /api/v4/monitors and /api/v4/monitors/{monitor_tag}.
void add_monitor_routes(Router& router, const ApiKeyService& keys, MonitorService& monitors);

}  // namespace vigil
