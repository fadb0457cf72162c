#include "core/alert_rule.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/ascii_case.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// "500" for 500.0, "99.5" for 99.5: the shortest text that reads back the same.
std::string plain_number(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

void check_value(AlertRule& rule, std::vector<std::string>& problems) {
  if (rule.alert_for == AlertFor::kStatus) {
    const std::string_view value = trim(rule.alert_value);
    for (std::string_view status : {"DOWN", "DEGRADED"}) {
      if (equals_ignoring_case(value, status)) {
        rule.alert_value = status;
        return;
      }
    }
    problems.push_back("alert_value: must be DOWN or DEGRADED for a STATUS alert");
    return;
  }
  auto number = parse_number(rule.alert_value);
  if (rule.alert_for == AlertFor::kLatency && (!number || *number <= 0)) {
    problems.push_back("alert_value: must be a latency in milliseconds above 0");
  } else if (rule.alert_for == AlertFor::kUptime && (!number || *number <= 0 || *number > 100)) {
    problems.push_back("alert_value: must be an uptime percentage above 0 and at most 100");
  } else {
    rule.alert_value = plain_number(*number);
  }
}

void check_tags(const std::vector<std::string>& tags, const char* field,
                std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (trim(tags[i]).empty()) {
      problems.push_back(std::string(field) + ": monitor tags must not be empty");
      return;
    }
    if (std::find(tags.begin(), tags.begin() + static_cast<std::ptrdiff_t>(i), tags[i]) !=
        tags.begin() + static_cast<std::ptrdiff_t>(i)) {
      problems.push_back(std::string(field) + ": '" + tags[i] + "' is listed twice");
      return;
    }
  }
}

}  // namespace

std::string_view to_string(AlertFor alert_for) {
  switch (alert_for) {
    case AlertFor::kStatus:
      return "STATUS";
    case AlertFor::kLatency:
      return "LATENCY";
    case AlertFor::kUptime:
      return "UPTIME";
  }
  return "STATUS";
}

std::optional<AlertFor> parse_alert_for(std::string_view text) {
  for (AlertFor value : {AlertFor::kStatus, AlertFor::kLatency, AlertFor::kUptime}) {
    if (to_string(value) == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(AlertSeverity severity) {
  return severity == AlertSeverity::kCritical ? "CRITICAL" : "WARNING";
}

std::optional<AlertSeverity> parse_alert_severity(std::string_view text) {
  if (text == "WARNING") return AlertSeverity::kWarning;
  if (text == "CRITICAL") return AlertSeverity::kCritical;
  return std::nullopt;
}

double AlertRule::threshold() const {
  return alert_for == AlertFor::kStatus ? 0 : parse_number(alert_value).value_or(0);
}

bool AlertRule::covers(std::string_view tag) const {
  return std::find(monitors.begin(), monitors.end(), tag) != monitors.end();
}

std::vector<std::string> validate_alert_rule(AlertRule& rule) {
  std::vector<std::string> problems;
  if (rule.monitors.empty()) problems.push_back("monitors: at least one monitor is required");
  check_tags(rule.monitors, "monitors", problems);
  check_tags(rule.depends_on, "depends_on", problems);
  check_value(rule, problems);
  if (rule.failure_threshold < 1 || rule.failure_threshold > kMaxAlertThreshold) {
    problems.push_back("failure_threshold: must be between 1 and " +
                       std::to_string(kMaxAlertThreshold));
  }
  if (rule.success_threshold < 1 || rule.success_threshold > kMaxAlertThreshold) {
    problems.push_back("success_threshold: must be between 1 and " +
                       std::to_string(kMaxAlertThreshold));
  }
  if (rule.reminder_minutes < 0 || rule.reminder_minutes > kMaxAlertMinutes) {
    problems.push_back("reminder_minutes: must be between 0 (off) and " +
                       std::to_string(kMaxAlertMinutes));
  }
  if (rule.escalation) {
    if (rule.escalation->after_minutes < 1 || rule.escalation->after_minutes > kMaxAlertMinutes) {
      problems.push_back("escalation.after_minutes: must be between 1 and " +
                         std::to_string(kMaxAlertMinutes));
    }
    if (rule.escalation->triggers.empty()) {
      problems.push_back("escalation.triggers: at least one trigger is required");
    }
  }
  rule.description = std::string(trim(rule.description));
  return problems;
}

}  // namespace vigil
