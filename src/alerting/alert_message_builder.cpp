#include "alerting/alert_message_builder.hpp"

#include <boost/json.hpp>

namespace vigil {
namespace {

namespace json = boost::json;

std::string condition_text(const AlertRule& rule) {
  const std::string checks = rule.failure_threshold == 1
                                 ? "the last check"
                                 : "the last " + std::to_string(rule.failure_threshold) + " checks";
  switch (rule.alert_for) {
    case AlertFor::kStatus:
      return "is " + rule.alert_value + " (" + checks + ")";
    case AlertFor::kLatency:
      return "latency is above " + rule.alert_value + " ms (" + checks + ")";
    case AlertFor::kUptime:
      return "uptime is below " + rule.alert_value + "% (" + checks + ")";
  }
  return "";
}

std::string trimmed_url(const std::string& site_url) {
  return site_url.ends_with('/') ? site_url.substr(0, site_url.size() - 1) : site_url;
}

}  // namespace

std::string describe_duration(Seconds seconds) {
  if (seconds < kMinute) return std::to_string(std::max<Seconds>(seconds, 0)) + " s";
  const Seconds hours = seconds / kHour;
  const Seconds minutes = seconds % kHour / kMinute;
  if (hours == 0) return std::to_string(minutes) + " min";
  return std::to_string(hours) + " h" + (minutes > 0 ? " " + std::to_string(minutes) + " min" : "");
}

std::string AlertMessageBuilder::summary(const AlertNotice& notice) {
  const std::string& name = notice.monitor_name;
  switch (notice.transition) {
    case AlertTransition::kTriggered:
      return name + " " + condition_text(notice.rule);
    case AlertTransition::kResolved:
      return name + " recovered after " + describe_duration(notice.now - notice.state.triggered_at);
    case AlertTransition::kReminder:
      return "Still firing for " + describe_duration(notice.now - notice.state.triggered_at) +
             ": " + name + " " + condition_text(notice.rule);
    case AlertTransition::kEscalated:
      return "Not acknowledged for " + describe_duration(notice.now - notice.state.triggered_at) +
             ": " + name + " " + condition_text(notice.rule);
  }
  return name;
}

std::string AlertMessageBuilder::variables(const AlertNotice& notice) const {
  const auto site = site_.settings();
  const std::string base = trimmed_url(site->site_url);
  const AlertRule& rule = notice.rule;
  const AlertState& state = notice.state;
  const bool resolved = notice.transition == AlertTransition::kResolved;
  json::object v;
  v["alert_id"] = state.id;
  v["alert_name"] = rule.description.empty()
                        ? notice.monitor_name + " " + std::string(to_string(rule.alert_for)) +
                              ": " + rule.alert_value
                        : rule.description;
  v["alert_for"] = to_string(rule.alert_for);
  v["alert_value"] = rule.alert_value;
  v["alert_status"] = resolved ? "RESOLVED" : "TRIGGERED";
  v["alert_severity"] = to_string(rule.severity);
  v["alert_message"] = summary(notice);
  v["alert_source"] = notice.monitor_name;
  v["alert_timestamp"] = notice.now;
  v["alert_cta_url"] = base + "/monitors/" + state.monitor_tag;
  v["alert_cta_text"] = "View monitor";
  v["alert_incident_id"] = state.incident_id ? json::value(*state.incident_id) : json::value();
  v["alert_incident_url"] =
      state.incident_id ? base + "/incidents/" + std::to_string(*state.incident_id) : "";
  v["alert_failure_threshold"] = rule.failure_threshold;
  v["alert_success_threshold"] = rule.success_threshold;
  v["is_resolved"] = resolved;
  v["is_triggered"] = !resolved;
  v["is_reminder"] = notice.transition == AlertTransition::kReminder;
  v["is_escalation"] = notice.transition == AlertTransition::kEscalated;
  v["monitor_tag"] = state.monitor_tag;
  v["monitor_name"] = notice.monitor_name;
  v["site_url"] = site->site_url;
  v["site_name"] = site->site_name;
  v["site_logo_url"] = site->logo;
  v["colors_up"] = site->colors.up;
  v["colors_down"] = site->colors.down;
  v["colors_degraded"] = site->colors.degraded;
  v["colors_maintenance"] = site->colors.maintenance;
  return json::serialize(v);
}

OutboxMessage AlertMessageBuilder::message(const AlertNotice& notice, const Trigger& trigger,
                                           std::string_view kind) const {
  OutboxMessage message;
  message.kind = kind;
  message.channel = trigger.trigger_type;
  message.channel_config = trigger.trigger_meta;
  message.variables = variables(notice);
  message.trigger_id = trigger.id;
  message.next_attempt_at = notice.now;
  return message;
}

}  // namespace vigil
