#include "alerting/notify/opsgenie_channel.hpp"

#include <boost/json/serialize.hpp>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {

Result<ChannelCall> OpsgenieChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string base = config.url("base_url", "https://api.opsgenie.com");
  std::vector<std::string> headers{"Authorization: GenieKey " + config.required("api_key")};
  std::string alias = "vigil-" + config.variable("alert_id") + "-" + config.variable("monitor_tag");
  std::string message = config.render("message", kDefaultTitleTemplate, TemplateEscape::kNone);
  std::string description =
      config.render("description", kDefaultMessageTemplate, TemplateEscape::kNone);
  std::string priority =
      config.text("priority", config.variable("alert_severity") == "CRITICAL" ? "P1" : "P3");
  if (priority.size() != 2 || priority[0] != 'P' || priority[1] < '1' || priority[1] > '5') {
    config.fail("priority", "must be P1, P2, P3, P4 or P5");
  }
  if (config.variable("alert_status") == "RESOLVED") {
    boost::json::object body{{"source", "vigil"}, {"note", message}};
    return config.finish(json_post(base + "/v2/alerts/" + alias + "/close?identifierType=alias",
                                   boost::json::serialize(body), std::move(headers)));
  }
  boost::json::object body{{"message", message.substr(0, 130)},
                           {"alias", alias},
                           {"description", description},
                           {"priority", priority},
                           {"source", "vigil"}};
  return config.finish(
      json_post(base + "/v2/alerts", boost::json::serialize(body), std::move(headers)));
}

}  // namespace vigil
