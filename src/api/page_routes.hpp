#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/monitor_service.hpp"
#include "services/page_service.hpp"

namespace vigil {

//! Registers Kener's v4 page routes: /api/v4/pages and /api/v4/pages/{page_path} ("~home" is the
//! home page). Pages list their monitors as full Monitor objects read from `monitors`.
void add_page_routes(Router& router, const ApiKeyService& keys, PageService& pages,
                     const MonitorService& monitors);

}  // namespace vigil
