#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Slack incoming webhook: slack_body POSTed as JSON (default: Block Kit).
std::unique_ptr<Channel> make_slack_channel();

}  // namespace vigil
