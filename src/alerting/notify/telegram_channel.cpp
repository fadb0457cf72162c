#include "alerting/notify/telegram_channel.hpp"

#include <boost/json/serialize.hpp>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> TelegramChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("base_url", "https://api.telegram.org");
  std::string token = config.required("bot_token");
  boost::json::object body{
      {"chat_id", config.required("chat_id")},
      {"text", config.render("message", kDefaultMessageTemplate, TemplateEscape::kNone)},
      {"disable_web_page_preview", true}};
  return config.finish(
      json_post(base + "/bot" + token + "/sendMessage", boost::json::serialize(body)));
}

}  // namespace vigil
