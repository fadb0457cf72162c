#include "alerting/notify/discord_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "username": "{{site_name}}",
  "content": "[{{alert_status}}] {{alert_name}}",
  "embeds": [{
    "title": "[{{alert_status}}] {{alert_name}}",
    "description": "{{alert_message}}",
    "url": "{{alert_cta_url}}",
    "color": {{#is_resolved}}5763719{{/is_resolved}}{{^is_resolved}}15548997{{/is_resolved}},
    "fields": [
      {"name": "Monitor", "value": "{{monitor_name}}", "inline": true},
      {"name": "Severity", "value": "{{alert_severity}}", "inline": true},
      {"name": "{{alert_for}}", "value": "{{alert_value}}", "inline": true}
    ],
    "footer": {"text": "{{site_name}}"},
    "timestamp": "{{alert_timestamp}}"
  }]
})json";

}  // namespace

std::unique_ptr<Channel> make_discord_channel() {
  return std::make_unique<TemplatedPostChannel>("discord", "discord_body",
                                                std::string(kDefaultBody), true);
}

}  // namespace vigil
