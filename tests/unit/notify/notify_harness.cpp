#include "notify_harness.hpp"

namespace vigil::testing {
namespace {

DeliverySettings quick_settings() {
  DeliverySettings settings;
  settings.send_timeout = std::chrono::milliseconds(3000);
  return settings;
}

}  // namespace

NotifyHarness::NotifyHarness()
    : channels(ChannelRegistry::with_all_channels(
          [this](const std::string& name) -> std::optional<std::string> {
            auto it = env.find(name);
            if (it == env.end()) return std::nullopt;
            return it->second;
          })),
      settings(quick_settings()),
      worker(
          store, channels, clock, [] { return 0.5; }, settings) {}

boost::json::object NotifyHarness::alert_variables(bool resolved) {
  return {{"alert_id", 7},
          {"alert_name", "API \"down\""},
          {"alert_for", "STATUS"},
          {"alert_value", "DOWN"},
          {"alert_status", resolved ? "RESOLVED" : "TRIGGERED"},
          {"alert_severity", "CRITICAL"},
          {"alert_message", "API is down <b>now</b>"},
          {"alert_source", "vigil"},
          {"alert_timestamp", "2023-11-14T22:13:20Z"},
          {"alert_cta_url", "https://status.example.com/monitors/api"},
          {"alert_cta_text", "View monitor"},
          {"alert_incident_id", 3},
          {"alert_incident_url", "https://status.example.com/incidents/3"},
          {"alert_failure_threshold", 1},
          {"alert_success_threshold", 1},
          {"is_resolved", resolved},
          {"is_triggered", !resolved},
          {"is_reminder", false},
          {"is_escalation", false},
          {"monitor_tag", "api"},
          {"monitor_name", "Public API"},
          {"site_url", "https://status.example.com"},
          {"site_name", "Example Status"},
          {"site_logo_url", ""},
          {"colors_up", "#00dfa2"},
          {"colors_down", "#ff0060"},
          {"colors_degraded", "#ffb84c"},
          {"colors_maintenance", "#6366f1"}};
}

OutboxMessage NotifyHarness::message(const std::string& channel, const boost::json::object& config,
                                     const std::string& key, bool resolved) {
  OutboxMessage m;
  m.idempotency_key = key;
  m.kind = "alert";
  m.channel = channel;
  m.channel_config = boost::json::serialize(config);
  m.variables = boost::json::serialize(alert_variables(resolved));
  m.trigger_id = 4;
  return m;
}

}  // namespace vigil::testing
