#pragma once

#include <memory>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Kener's webhook: the webhook_body template POSTed as JSON (method and headers configurable).
std::unique_ptr<Channel> make_webhook_channel();

}  // namespace vigil
