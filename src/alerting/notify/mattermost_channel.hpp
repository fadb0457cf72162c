#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Mattermost incoming webhook: mattermost_body POSTed as JSON (default: Markdown text).
std::unique_ptr<Channel> make_mattermost_channel();

}  // namespace vigil
