#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Microsoft Teams webhook: teams_body POSTed as JSON (default: a MessageCard).
std::unique_ptr<Channel> make_teams_channel();

}  // namespace vigil
