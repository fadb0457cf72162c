#include "alerting/notify/pagerduty_channel.hpp"

#include <boost/json/serialize.hpp>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> PagerDutyChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("base_url", "https://events.pagerduty.com");
  bool resolved = config.variable("alert_status") == "RESOLVED";
  boost::json::object body{
      {"routing_key", config.required("routing_key")},
      {"event_action", resolved ? "resolve" : "trigger"},
      {"dedup_key", "vigil-" + config.variable("alert_id") + "-" + config.variable("monitor_tag")}};
  std::string summary = config.render("summary", kDefaultTitleTemplate, TemplateEscape::kNone);
  if (!resolved) {
    body["payload"] = boost::json::object{
        {"summary", summary},
        {"source", config.variable("monitor_tag").empty() ? config.variable("site_name")
                                                          : config.variable("monitor_tag")},
        {"severity", config.variable("alert_severity") == "CRITICAL" ? "critical" : "warning"},
        {"custom_details",
         {{"message", config.variable("alert_message")},
          {"alert_for", config.variable("alert_for")},
          {"alert_value", config.variable("alert_value")}}}};
    if (auto url = config.variable("alert_cta_url"); !url.empty()) {
      body["links"] = boost::json::array{
          boost::json::object{{"href", url}, {"text", config.variable("alert_cta_text")}}};
    }
  }
  return config.finish(json_post(base + "/v2/enqueue", boost::json::serialize(body)));
}

}  // namespace vigil
