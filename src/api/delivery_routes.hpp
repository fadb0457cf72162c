#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"
#include "storage/outbox_store.hpp"

namespace vigil {

//! Registers the delivery log (API key required): GET /api/v4/deliveries (filters status,
//! kind, trigger_id; page and limit; newest first) and GET /api/v4/deliveries/{delivery_id}.
void add_delivery_routes(Router& router, const ApiKeyService& keys, OutboxStore& outbox);

}  // namespace vigil
