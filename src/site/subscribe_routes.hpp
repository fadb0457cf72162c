#pragma once

#include "http/router.hpp"
#include "services/subscriber_service.hpp"
#include "site/site_deps.hpp"

namespace vigil {

//! The public subscription flow, server-rendered and working without JavaScript:
//! GET/POST /subscribe (?page=<path> preselects a page) mails a code, POST /subscribe/confirm
//! checks it and redirects to the manage page, GET/POST /subscription/{token} shows and changes
//! the preferences, GET /unsubscribe/{token} asks for confirmation and POST /unsubscribe/{token}
//! ends the subscription (also the RFC 8058 one-click target). Never cached.
void add_subscribe_routes(Router& router, const SiteDeps& deps, SubscriberService& subscribers);

}  // namespace vigil
