#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Telegram Bot API sendMessage. Settings: bot_token, chat_id (required), message template,
//! base_url (default https://api.telegram.org).
class TelegramChannel final : public Channel {
 public:
  std::string_view type() const override { return "telegram"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"bot_token"}, ""}; }
};

}  // namespace vigil
