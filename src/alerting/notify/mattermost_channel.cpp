#include "alerting/notify/mattermost_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "username": "{{site_name}}",
  "text": "#### [{{alert_status}}] {{alert_name}}\n{{alert_message}}\n| Monitor | Severity | {{alert_for}} |\n|---|---|---|\n| {{monitor_name}} | {{alert_severity}} | {{alert_value}} |\n[{{alert_cta_text}}]({{alert_cta_url}})"
})json";

}  // namespace

std::unique_ptr<Channel> make_mattermost_channel() {
  return std::make_unique<TemplatedPostChannel>("mattermost", "mattermost_body",
                                                std::string(kDefaultBody), true);
}

}  // namespace vigil
