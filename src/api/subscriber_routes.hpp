#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "services/page_service.hpp"
#include "services/subscriber_service.hpp"

namespace vigil {

//! Registers the admin subscriber routes (Vigil's extension): GET/POST /api/v4/subscribers and
//! GET/PATCH/DELETE /api/v4/subscribers/{subscriber_id}.
void add_subscriber_routes(Router& router, const ApiKeyService& keys,
                           SubscriberService& subscribers, const PageService& pages);

}  // namespace vigil
