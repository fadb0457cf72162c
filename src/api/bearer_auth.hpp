#pragma once

#include "http/router.hpp"
#include "services/api_key_service.hpp"

namespace vigil {

//! Wraps a handler so it runs only with `Authorization: Bearer <active API key>`; otherwise a
//! 401 with Kener's messages.
RouteHandler require_api_key(const ApiKeyService& keys, RouteHandler handler);

}  // namespace vigil
