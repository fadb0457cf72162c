#include "alerting/notify/webhook_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "id": "{{alert_id}}",
  "alert_name": "{{alert_name}}",
  "severity": "{{alert_severity}}",
  "status": "{{alert_status}}",
  "source": "{{alert_source}}",
  "timestamp": "{{alert_timestamp}}",
  "description": "{{alert_message}}",
  "monitor": {"tag": "{{monitor_tag}}", "name": "{{monitor_name}}"},
  "details": {
    "metric": "{{alert_for}}",
    "current_value": "{{alert_value}}",
    "failure_threshold": "{{alert_failure_threshold}}",
    "success_threshold": "{{alert_success_threshold}}"
  },
  "incident": {"id": "{{alert_incident_id}}", "url": "{{alert_incident_url}}"},
  "actions": [{"text": "{{alert_cta_text}}", "url": "{{alert_cta_url}}"}],
  "site": {"name": "{{site_name}}", "url": "{{site_url}}"}
})json";

}  // namespace

std::unique_ptr<Channel> make_webhook_channel() {
  return std::make_unique<TemplatedPostChannel>("webhook", "webhook_body",
                                                std::string(kDefaultBody), false);
}

}  // namespace vigil
