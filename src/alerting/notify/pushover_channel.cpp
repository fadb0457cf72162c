#include "alerting/notify/pushover_channel.hpp"

#include <boost/json/serialize.hpp>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> PushoverChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("base_url", "https://api.pushover.net");
  int priority = config.integer("priority", 0);
  if (priority < -2 || priority > 1) config.fail("priority", "must be -2 to 1");
  boost::json::object body{
      {"token", config.required("token")},
      {"user", config.required("user_key")},
      {"title", config.render("title", kDefaultTitleTemplate, TemplateEscape::kNone)},
      {"message", config.render("message", kDefaultMessageTemplate, TemplateEscape::kNone)},
      {"priority", priority}};
  if (auto url = config.variable("alert_cta_url"); !url.empty()) {
    body["url"] = url;
    body["url_title"] = config.variable("alert_cta_text");
  }
  return config.finish(json_post(base + "/1/messages.json", boost::json::serialize(body)));
}

}  // namespace vigil
