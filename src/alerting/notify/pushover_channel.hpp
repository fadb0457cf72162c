#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Pushover: POST base_url/1/messages.json. Settings: user_key, token (required), title and message
//! templates, priority, base_url (default https://api.pushover.net).
class PushoverChannel final : public Channel {
 public:
  std::string_view type() const override { return "pushover"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"token", "user_key"}, ""}; }
};

}  // namespace vigil
