#include "alerting/notify/slack_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "text": "[{{alert_status}}] {{alert_name}}",
  "blocks": [
    {"type": "header", "text": {"type": "plain_text", "text": "[{{alert_status}}] {{alert_name}}"}},
    {"type": "section", "text": {"type": "mrkdwn", "text": "{{alert_message}}"}},
    {"type": "section", "fields": [
      {"type": "mrkdwn", "text": "*Monitor*\n{{monitor_name}}"},
      {"type": "mrkdwn", "text": "*Severity*\n{{alert_severity}}"},
      {"type": "mrkdwn", "text": "*{{alert_for}}*\n{{alert_value}}"},
      {"type": "mrkdwn", "text": "*Time*\n{{alert_timestamp}}"}
    ]},
    {"type": "actions", "elements": [
      {"type": "button", "text": {"type": "plain_text", "text": "{{alert_cta_text}}"}, "url": "{{alert_cta_url}}"}
    ]}
  ]
})json";

}  // namespace

std::unique_ptr<Channel> make_slack_channel() {
  return std::make_unique<TemplatedPostChannel>("slack", "slack_body", std::string(kDefaultBody),
                                                true);
}

}  // namespace vigil
