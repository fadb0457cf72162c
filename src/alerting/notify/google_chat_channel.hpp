#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Google Chat incoming webhook: google_chat_body POSTed as JSON (default: text).
std::unique_ptr<Channel> make_google_chat_channel();

}  // namespace vigil
