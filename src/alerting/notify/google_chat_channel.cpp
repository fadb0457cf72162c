#include "alerting/notify/google_chat_channel.hpp"

#include "alerting/notify/templated_post_channel.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultBody = R"json({
  "text": "*[{{alert_status}}] {{alert_name}}*\n{{alert_message}}\n{{monitor_name}} - {{alert_for}}: {{alert_value}} ({{alert_severity}})\n<{{alert_cta_url}}|{{alert_cta_text}}>"
})json";

}  // namespace

std::unique_ptr<Channel> make_google_chat_channel() {
  return std::make_unique<TemplatedPostChannel>("google_chat", "google_chat_body",
                                                std::string(kDefaultBody), true);
}

}  // namespace vigil
