#include "alerting/notify/teams_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "@type": "MessageCard",
  "@context": "https://schema.org/extensions",
  "summary": "[{{alert_status}}] {{alert_name}}",
  "themeColor": "{{#is_resolved}}{{colors_up}}{{/is_resolved}}{{^is_resolved}}{{colors_down}}{{/is_resolved}}",
  "title": "[{{alert_status}}] {{alert_name}}",
  "text": "{{alert_message}}",
  "sections": [{"facts": [
    {"name": "Monitor", "value": "{{monitor_name}}"},
    {"name": "Severity", "value": "{{alert_severity}}"},
    {"name": "{{alert_for}}", "value": "{{alert_value}}"}
  ]}],
  "potentialAction": [{"@type": "OpenUri", "name": "{{alert_cta_text}}", "targets": [{"os": "default", "uri": "{{alert_cta_url}}"}]}]
})json";

}  // namespace

std::unique_ptr<Channel> make_teams_channel() {
  return std::make_unique<TemplatedPostChannel>("teams", "teams_body", std::string(kDefaultBody),
                                                true);
}

}  // namespace vigil
