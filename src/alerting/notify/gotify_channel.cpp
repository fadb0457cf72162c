#include "alerting/notify/gotify_channel.hpp"

#include <boost/json/serialize.hpp>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> GotifyChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("url");
  std::vector<std::string> headers{"X-Gotify-Key: " + config.required("token")};
  boost::json::object body{
      {"title", config.render("title", kDefaultTitleTemplate, TemplateEscape::kNone)},
      {"message", config.render("message", kDefaultMessageTemplate, TemplateEscape::kNone)},
      {"priority", config.integer("priority", 5)}};
  return config.finish(
      json_post(base + "/message", boost::json::serialize(body), std::move(headers)));
}

}  // namespace vigil
