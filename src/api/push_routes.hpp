#pragma once

#include "http/router.hpp"
#include "services/heartbeat_service.hpp"

namespace vigil {

//! Registers the push endpoints of HEARTBEAT monitors (no API key; the secret or token is the
//! credential): Kener's GET|POST /ext/heartbeat/{tag}/{secret} (and the legacy {tag}:{secret}),
//! and Uptime Kuma's GET|POST /api/push/{token}?status=up|down&msg=&ping=.
void add_push_routes(Router& router, HeartbeatService& heartbeats);

}  // namespace vigil
