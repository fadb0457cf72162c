#include "config/alert_list_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "config/yaml_mapping.hpp"

namespace vigil {
namespace {

const std::vector<std::string_view> kAlertKeys = {
    "description", "monitors",          "for",
    "value",       "failure_threshold", "success_threshold",
    "severity",    "create_incident",   "active",
    "triggers",    "reminder_minutes",  "escalation",
    "depends_on"};

// The file's name for a field core's messages name as in the API.
std::string file_field(const std::string& field) {
  if (field == "alert_for") return "for";
  if (field == "alert_value") return "value";
  if (field.starts_with("escalation")) return "escalation";
  return field;
}

}  // namespace

std::vector<std::string> AlertListReader::names(YamlMapping& fields, std::string_view key,
                                                std::string_view what) {
  std::vector<std::string> out;
  for (const YAML::Node& name : fields.list(key)) {
    if (!name.IsScalar()) {
      fields.fail(key, "expected a list of " + std::string(what));
      return {};
    }
    out.push_back(name.Scalar());
  }
  return out;
}

std::vector<std::string> AlertListReader::trigger_names(YamlMapping& fields, std::string_view key) {
  auto out = names(fields, key, "trigger names");
  for (const auto& name : out) {
    if (!triggers_.declared(name)) {
      fields.fail(key, "unknown trigger '" + name + "' (declare it under triggers)");
      return {};
    }
  }
  return out;
}

std::vector<DeclaredAlertRule> AlertListReader::read(const YAML::Node& list) {
  std::vector<DeclaredAlertRule> alerts;
  for (const YAML::Node& item : list) {
    YamlMapping fields(item, "an alert", kAlertKeys, errors_);
    if (!fields.is_mapping()) continue;
    DeclaredAlertRule declared;
    AlertRule& rule = declared.rule;
    rule.description = fields.text("description").value_or("");
    rule.monitors = names(fields, "monitors", "monitor tags");
    if (auto alert_for = fields.choice("for", {"STATUS", "LATENCY", "UPTIME"})) {
      rule.alert_for = parse_alert_for(*alert_for).value_or(AlertFor::kStatus);
    }
    rule.alert_value = fields.text("value").value_or("");
    rule.failure_threshold = fields.integer("failure_threshold", 1, kMaxAlertThreshold).value_or(1);
    rule.success_threshold = fields.integer("success_threshold", 1, kMaxAlertThreshold).value_or(1);
    if (auto severity = fields.choice("severity", {"WARNING", "CRITICAL"})) {
      rule.severity = parse_alert_severity(*severity).value_or(AlertSeverity::kWarning);
    }
    rule.create_incident = fields.yes_no("create_incident").value_or(false);
    rule.active = fields.yes_no("active").value_or(true);
    declared.trigger_names = trigger_names(fields, "triggers");
    rule.reminder_minutes = fields.integer("reminder_minutes", 0, kMaxAlertMinutes).value_or(0);
    rule.depends_on = names(fields, "depends_on", "monitor tags");
    if (fields.has("escalation")) {
      YamlMapping escalation(fields.value("escalation"), "escalation",
                             {"after_minutes", "triggers"}, errors_);
      rule.escalation =
          AlertEscalation{escalation.integer("after_minutes", 1, kMaxAlertMinutes).value_or(0), {}};
      declared.escalation_triggers = trigger_names(escalation, "triggers");
      if (!escalation.has("after_minutes") || !escalation.has("triggers")) {
        fields.fail("escalation", "needs after_minutes and triggers");
      }
    }
    for (const char* required : {"description", "monitors", "for", "value"}) {
      if (!fields.has(required) && !fields.failed(required)) fields.fail(required, "is required");
    }
    if (!fields.failed("description")) {
      auto [first, inserted] =
          description_lines_.emplace(rule.description, fields.mark("description").line + 1);
      if (!inserted) {
        fields.fail("description", "duplicate alert '" + rule.description +
                                       "' (first declared on line " +
                                       std::to_string(first->second) + ")");
      }
    }
    // Core checks the rest; until the names are resolved, one placeholder id stands for each.
    if (rule.escalation) rule.escalation->triggers.assign(declared.escalation_triggers.size(), 0);
    for (const std::string& problem : validate_alert_rule(rule)) {
      const std::string field = file_field(problem.substr(0, problem.find(':')));
      // A value cannot be judged when its kind was unreadable.
      if (fields.failed(field) || (field == "value" && fields.failed("for"))) continue;
      fields.fail(field, problem.substr(problem.find(": ") + 2));
    }
    if (rule.escalation) rule.escalation->triggers.clear();
    alerts.push_back(std::move(declared));
  }
  return alerts;
}

}  // namespace vigil
