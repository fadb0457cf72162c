#include "alerting/alert_incident_writer.hpp"

#include <spdlog/spdlog.h>

#include "alerting/alert_message_builder.hpp"

namespace vigil {
namespace {

std::string alert_table(const AlertNotice& notice) {
  const AlertRule& rule = notice.rule;
  std::string unit = rule.alert_for == AlertFor::kLatency  ? " ms"
                     : rule.alert_for == AlertFor::kUptime ? "%"
                                                           : "";
  std::string table = AlertMessageBuilder::summary(notice) + "\n\n| Alert | |\n|---|---|\n";
  auto row = [&](std::string_view name, const std::string& value) {
    table += "| " + std::string(name) + " | " + value + " |\n";
  };
  row("Monitor", notice.monitor_name + " (`" + notice.state.monitor_tag + "`)");
  row("Alert for", std::string(to_string(rule.alert_for)));
  row("Value", rule.alert_value + unit);
  row("Severity", std::string(to_string(rule.severity)));
  row("Failure threshold", std::to_string(rule.failure_threshold));
  row("Success threshold", std::to_string(rule.success_threshold));
  if (!rule.description.empty()) row("Rule", rule.description);
  return table;
}

}  // namespace

Status AlertIncidentWriter::impact_of(const AlertRule& rule) {
  if (rule.alert_for == AlertFor::kStatus) {
    return parse_status(rule.alert_value).value_or(Status::kDown);
  }
  return Status::kDegraded;
}

std::optional<std::int64_t> AlertIncidentWriter::open(const AlertNotice& notice) {
  Incident incident;
  incident.title = notice.monitor_name + " " + std::string(to_string(notice.rule.alert_for)) +
                   ": " + notice.rule.alert_value;
  incident.start_date_time = notice.state.triggered_at;
  incident.source = IncidentSource::kAlert;
  incident.global = false;
  incident.monitors = {{notice.state.monitor_tag, impact_of(notice.rule)}};
  auto created = incidents_.create(std::move(incident));
  if (!created.ok()) {
    spdlog::error("alerting: cannot open an incident for rule {} on {}: {}", notice.rule.id,
                  notice.state.monitor_tag, created.error().message);
    return std::nullopt;
  }
  auto comment = incidents_.add_comment(created->id, alert_table(notice),
                                        IncidentState::kInvestigating, notice.now);
  if (!comment.ok()) {
    spdlog::error("alerting: cannot comment on incident {}: {}", created->id,
                  comment.error().message);
  }
  return created->id;
}

void AlertIncidentWriter::close(const AlertNotice& notice, std::int64_t incident_id) {
  auto comment =
      incidents_.add_comment(incident_id, "Resolved: " + AlertMessageBuilder::summary(notice) + ".",
                             IncidentState::kResolved, notice.now);
  if (!comment.ok()) {
    spdlog::warn("alerting: cannot resolve incident {}: {}", incident_id, comment.error().message);
  }
}

}  // namespace vigil
