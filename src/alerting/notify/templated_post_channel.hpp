#pragma once

#include <string>

#include "alerting/notify/channel.hpp"

namespace vigil {

//! A channel that sends its body template, rendered into JSON, to a URL: Kener's webhook and
//! the chat services with incoming webhooks (Slack, Discord, Teams, Mattermost, Google Chat).
//! Settings: url (required), method (default POST), headers ([{key, value}]), and the body
//! template in `body_key` (default: the channel's own).
class TemplatedPostChannel final : public Channel {
 public:
  //! A channel named `type` whose body template is setting `body_key`.
  TemplatedPostChannel(std::string type, std::string body_key, std::string default_body);

  std::string_view type() const override { return type_; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;

 private:
  std::string type_;
  std::string body_key_;
  std::string default_body_;
};

}  // namespace vigil
