#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/monitor_data_service.hpp"

namespace vigil {

//! Registers Kener's v4 monitor data routes: /api/v4/monitors/{monitor_tag}/data[/{timestamp}].
void add_monitor_data_routes(Router& router, const ApiKeyService& keys, MonitorDataService& data);

}  // namespace vigil
