#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Gotify: POST url/message with the application token. Settings: url, token (required), title and
//! message templates, priority.
class GotifyChannel final : public Channel {
 public:
  std::string_view type() const override { return "gotify"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"token"}, ""}; }
};

}  // namespace vigil
