#pragma once

#include <string>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! A channel that sends its body template, rendered into JSON, to a URL: Kener's webhook and
//! the chat services with incoming webhooks (Slack, Discord, Teams, Mattermost, Google Chat).
//! Settings: url (required), method (default POST), headers ([{key, value}]), and the body
//! template in `body_key` (default: the channel's own). Credential header values are secrets, and
//! so is the URL of a chat service (its token is part of it).
class TemplatedPostChannel final : public Channel {
 public:
  //! A channel named `type` whose body template is setting `body_key`; `secret_url` when the URL
  //! carries the credential (incoming webhooks of chat services).
  TemplatedPostChannel(std::string type, std::string body_key, std::string default_body,
                       bool secret_url);

  std::string_view type() const override { return type_; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override;

 private:
  std::string type_;
  std::string body_key_;
  std::string default_body_;
  bool secret_url_;
};

}  // namespace vigil
