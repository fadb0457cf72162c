#pragma once

#include <string_view>

namespace vigil {

//! The title of a plain-text notification (Kener's variable names).
inline constexpr std::string_view kDefaultTitleTemplate =
    "[{{alert_status}}] {{alert_name}}{{#monitor_name}} - {{monitor_name}}{{/monitor_name}}";

//! The text of a plain-text notification (Kener's variable names).
inline constexpr std::string_view kDefaultMessageTemplate =
    "[{{alert_status}}] {{alert_name}}{{#monitor_name}} - {{monitor_name}}{{/monitor_name}}\n"
    "{{alert_message}}\n"
    "{{alert_for}}: {{alert_value}} (severity {{alert_severity}})\n"
    "{{#alert_cta_url}}{{alert_cta_text}}: {{alert_cta_url}}{{/alert_cta_url}}";

}  // namespace vigil
