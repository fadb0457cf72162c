#include "alerting/notify/ntfy_channel.hpp"

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> NtfyChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("base_url", "https://ntfy.sh");
  std::string topic = config.required("topic");
  if (topic.find_first_of("/?#") != std::string::npos)
    config.fail("topic", "must not contain / ? #");
  bool resolved = config.variable("alert_status") == "RESOLVED";
  int priority = config.integer("priority", resolved ? 3 : 4);
  if (priority < 1 || priority > 5) config.fail("priority", "must be 1 to 5");
  HttpCall call{"POST", base + "/" + topic, {}, {}};
  call.headers.push_back("Content-Type: text/plain; charset=utf-8");
  call.headers.push_back("Title: " +
                         config.render("title", kDefaultTitleTemplate, TemplateEscape::kNone));
  call.headers.push_back("Priority: " + std::to_string(priority));
  call.headers.push_back(std::string("Tags: ") +
                         (resolved ? "white_check_mark" : "rotating_light"));
  if (auto url = config.variable("alert_cta_url"); !url.empty())
    call.headers.push_back("Click: " + url);
  if (auto token = config.text("token"); !token.empty()) {
    call.headers.push_back("Authorization: Bearer " + token);
  }
  call.body = config.render("message", kDefaultMessageTemplate, TemplateEscape::kNone);
  return config.finish(std::move(call));
}

}  // namespace vigil
