#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/site_service.hpp"

namespace vigil {

//! Registers Kener's v4 site routes: GET /api/v4/site and GET/PATCH /api/v4/site/{config_key}.
void add_site_routes(Router& router, const ApiKeyService& keys, SiteService& site);

}  // namespace vigil
