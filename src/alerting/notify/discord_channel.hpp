#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Discord webhook: discord_body POSTed as JSON (default: one embed).
std::unique_ptr<Channel> make_discord_channel();

}  // namespace vigil
