#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! ntfy: the message POSTed to base_url/topic with Title, Priority and Tags headers. Settings:
//! topic (required), title and message templates, priority (1-5), token, base_url (default
//! https://ntfy.sh).
class NtfyChannel final : public Channel {
 public:
  std::string_view type() const override { return "ntfy"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"token"}, ""}; }
};

}  // namespace vigil
