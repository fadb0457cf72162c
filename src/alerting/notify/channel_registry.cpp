#include "alerting/notify/channel_registry.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

#include "alerting/notify/discord_channel.hpp"
#include "alerting/notify/email_channel.hpp"
#include "alerting/notify/google_chat_channel.hpp"
#include "alerting/notify/gotify_channel.hpp"
#include "alerting/notify/matrix_channel.hpp"
#include "alerting/notify/mattermost_channel.hpp"
#include "alerting/notify/ntfy_channel.hpp"
#include "alerting/notify/opsgenie_channel.hpp"
#include "alerting/notify/pagerduty_channel.hpp"
#include "alerting/notify/pushover_channel.hpp"
#include "alerting/notify/slack_channel.hpp"
#include "alerting/notify/teams_channel.hpp"
#include "alerting/notify/telegram_channel.hpp"
#include "alerting/notify/webhook_channel.hpp"
#include "core/trim.hpp"

namespace vigil {

namespace {

//! `text` as a JSON object ("" is an empty one), or an error naming `field`.
Result<boost::json::object> json_object(std::string_view text, std::string_view field) {
  if (trim(text).empty()) return boost::json::object{};
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) {
    return Error{ErrorCode::kBadRequest, std::string(field) + ": must be a JSON object"};
  }
  return std::move(value.as_object());
}

}  // namespace

ChannelRegistry::ChannelRegistry(EnvLookup env) : env_(std::move(env)) {}

ChannelRegistry ChannelRegistry::with_all_channels(EnvLookup env) {
  SmtpSettings smtp = smtp_settings_from_env(env);
  ChannelRegistry registry(std::move(env));
  registry.add(make_webhook_channel());
  registry.add(make_slack_channel());
  registry.add(make_discord_channel());
  registry.add(std::make_unique<EmailChannel>(std::move(smtp)));
  registry.add(std::make_unique<TelegramChannel>());
  registry.add(make_teams_channel());
  registry.add(std::make_unique<PagerDutyChannel>());
  registry.add(std::make_unique<OpsgenieChannel>());
  registry.add(std::make_unique<NtfyChannel>());
  registry.add(std::make_unique<GotifyChannel>());
  registry.add(std::make_unique<PushoverChannel>());
  registry.add(make_mattermost_channel());
  registry.add(make_google_chat_channel());
  registry.add(std::make_unique<MatrixChannel>());
  return registry;
}

void ChannelRegistry::add(std::unique_ptr<Channel> channel) {
  auto same = std::find_if(channels_.begin(), channels_.end(),
                           [&](const auto& c) { return c->type() == channel->type(); });
  if (same != channels_.end()) {
    *same = std::move(channel);
  } else {
    channels_.push_back(std::move(channel));
  }
}

const Channel* ChannelRegistry::find(std::string_view type) const {
  for (const auto& channel : channels_) {
    if (channel->type() == type) return channel.get();
  }
  return nullptr;
}

Result<ChannelCall> ChannelRegistry::prepare(const OutboxMessage& message, Seconds now) const {
  const Channel* channel = find(message.channel);
  if (channel == nullptr) {
    return Error{ErrorCode::kBadRequest, "channel: unknown type '" + message.channel + "'"};
  }
  auto config = json_object(message.channel_config, "channel_config");
  if (!config.ok()) return config.error();
  auto variables = json_object(message.variables, "variables");
  if (!variables.ok()) return variables.error();
  return channel->prepare({config.value(), variables.value(), message.idempotency_key, env_, now});
}

std::vector<std::string_view> ChannelRegistry::types() const {
  std::vector<std::string_view> out;
  for (const auto& channel : channels_) out.push_back(channel->type());
  return out;
}

}  // namespace vigil
