#include "alerting/alert_service.hpp"

#include <algorithm>

namespace vigil {
namespace {

Error not_found(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "Alert with id '" + std::to_string(id) + "' not found"};
}

}  // namespace

AlertService::AlertService(AlertStore& store, const MonitorService& monitors,
                           const TriggerService& triggers)
    : store_(store), monitors_(monitors), triggers_(triggers) {}

void AlertService::refresh() {
  remember(store_.list_rules());
}

void AlertService::remember(std::vector<AlertRule> rules) {
  std::unordered_map<std::int64_t, std::shared_ptr<const AlertRule>> by_id;
  std::unordered_map<std::string, std::vector<std::shared_ptr<const AlertRule>>> by_tag;
  std::unordered_set<std::string> parents;
  std::sort(rules.begin(), rules.end(),
            [](const AlertRule& a, const AlertRule& b) { return a.id < b.id; });
  for (auto& rule : rules) {
    auto shared = std::make_shared<const AlertRule>(std::move(rule));
    by_id.emplace(shared->id, shared);
    if (!shared->active) continue;
    for (const auto& tag : shared->monitors) by_tag[tag].push_back(shared);
    parents.insert(shared->depends_on.begin(), shared->depends_on.end());
  }
  std::lock_guard lock(mutex_);
  rules_ = std::move(by_id);
  by_tag_ = std::move(by_tag);
  parents_ = std::move(parents);
}

std::vector<AlertRule> AlertService::list() const {
  std::vector<AlertRule> rules;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, rule] : rules_) rules.push_back(*rule);
  }
  std::sort(rules.begin(), rules.end(),
            [](const AlertRule& a, const AlertRule& b) { return a.id < b.id; });
  return rules;
}

std::shared_ptr<const AlertRule> AlertService::find(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  auto it = rules_.find(id);
  return it == rules_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const AlertRule>> AlertService::rules_for(
    const std::string& tag) const {
  std::lock_guard lock(mutex_);
  auto it = by_tag_.find(tag);
  if (it == by_tag_.end()) return {};
  return it->second;
}

bool AlertService::watches(const std::string& tag) const {
  std::lock_guard lock(mutex_);
  return by_tag_.contains(tag) || parents_.contains(tag);
}

std::optional<Error> AlertService::check(AlertRule& rule) const {
  std::vector<std::string> problems = validate_alert_rule(rule);
  for (const auto* list : {&rule.monitors, &rule.depends_on}) {
    const char* field = list == &rule.monitors ? "monitors" : "depends_on";
    for (const auto& tag : *list) {
      if (!monitors_.find(tag)) {
        problems.push_back(std::string(field) + ": monitor '" + tag + "' does not exist");
      }
    }
  }
  auto check_triggers = [&](const std::vector<std::int64_t>& ids, const char* field) {
    for (auto id : ids) {
      if (!triggers_.find(id)) {
        problems.push_back(std::string(field) + ": trigger " + std::to_string(id) +
                           " does not exist");
      }
    }
  };
  check_triggers(rule.triggers, "triggers");
  if (rule.escalation) check_triggers(rule.escalation->triggers, "escalation.triggers");
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

Result<AlertRule> AlertService::store_checked(AlertRule rule, bool creating) {
  std::lock_guard updating(update_mutex_);
  if (!creating && !find(rule.id)) return not_found(rule.id);
  if (auto error = check(rule)) return *error;
  std::optional<AlertRule> stored =
      creating ? std::optional<AlertRule>(store_.create_rule(rule)) : store_.update_rule(rule);
  if (!stored) return not_found(rule.id);
  refresh();
  return *stored;
}

Result<AlertRule> AlertService::create(AlertRule rule) {
  rule.id = 0;
  return store_checked(std::move(rule), true);
}

Result<AlertRule> AlertService::update(AlertRule rule) {
  return store_checked(std::move(rule), false);
}

std::optional<Error> AlertService::remove(std::int64_t id) {
  std::lock_guard updating(update_mutex_);
  if (!store_.remove_rule(id)) return not_found(id);
  refresh();
  return std::nullopt;
}

std::optional<std::vector<std::int64_t>> AlertService::trigger_ids(
    const std::vector<std::string>& names, std::vector<std::string>& problems) const {
  std::vector<std::int64_t> ids;
  for (const auto& name : names) {
    auto trigger = triggers_.find_by_name(name);
    if (!trigger) {
      problems.push_back("trigger '" + name + "' does not exist");
      return std::nullopt;
    }
    ids.push_back(trigger->id);
  }
  return ids;
}

std::vector<Error> AlertService::reconcile(const std::vector<DeclaredAlertRule>& declared) {
  std::vector<Error> errors;
  for (const auto& item : declared) {
    const std::string name = "alert '" + item.rule.description + "'";
    AlertRule rule = item.rule;
    std::vector<std::string> problems;
    auto notify = trigger_ids(item.trigger_names, problems);
    auto escalate = trigger_ids(item.escalation_triggers, problems);
    if (!notify || !escalate) {
      errors.push_back(Error{ErrorCode::kBadRequest, name + ": " + problems.front()});
      continue;
    }
    rule.triggers = std::move(*notify);
    if (rule.escalation) rule.escalation->triggers = std::move(*escalate);
    std::shared_ptr<const AlertRule> existing;
    {
      std::lock_guard lock(mutex_);
      for (const auto& [id, stored] : rules_) {
        if (stored->description == rule.description && (!existing || id < existing->id)) {
          existing = stored;
        }
      }
    }
    if (existing) rule.id = existing->id;
    auto stored = store_checked(std::move(rule), !existing);
    if (!stored.ok()) {
      errors.push_back(Error{stored.error().code, name + ": " + stored.error().message});
    }
  }
  return errors;
}

}  // namespace vigil
