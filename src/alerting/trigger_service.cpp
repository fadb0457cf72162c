#include "alerting/trigger_service.hpp"

#include <boost/json.hpp>

#include "alerting/trigger_secrets.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

Error not_found(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "Trigger with id '" + std::to_string(id) + "' not found"};
}

//! Stored trigger_meta text as an object (empty when it is not one).
json::object meta_object(const std::string& text) {
  boost::system::error_code ec;
  json::value meta = json::parse(text, ec);
  return !ec && meta.is_object() ? std::move(meta.as_object()) : json::object{};
}

}  // namespace

TriggerService::TriggerService(TriggerStore& store, NotificationPort& notifier,
                               const SiteService& site, const Clock& clock)
    : store_(store), notifier_(notifier), messages_(site), clock_(clock) {}

void TriggerService::load() {
  std::map<std::int64_t, Trigger> loaded;
  for (auto& trigger : store_.list()) loaded.emplace(trigger.id, std::move(trigger));
  std::lock_guard lock(mutex_);
  cache_ = std::move(loaded);
}

std::vector<Trigger> TriggerService::list() const {
  std::lock_guard lock(mutex_);
  std::vector<Trigger> triggers;
  for (const auto& [id, trigger] : cache_) triggers.push_back(trigger);
  return triggers;
}

std::optional<Trigger> TriggerService::find(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  auto it = cache_.find(id);
  if (it == cache_.end()) return std::nullopt;
  return it->second;
}

std::optional<Trigger> TriggerService::find_by_name(const std::string& name) const {
  std::lock_guard lock(mutex_);
  for (const auto& [id, trigger] : cache_) {
    if (trigger.name == name) return trigger;
  }
  return std::nullopt;
}

std::optional<Error> TriggerService::check(Trigger& trigger) const {
  trigger.name = std::string(trim(trigger.name));
  std::vector<std::string> problems = validate_trigger(trigger);
  boost::system::error_code ec;
  boost::json::value meta = boost::json::parse(trigger.trigger_meta, ec);
  if (ec || !meta.is_object()) {
    problems.push_back("trigger_meta: must be a JSON object");
  } else {
    trigger.trigger_meta = boost::json::serialize(meta);
    if (problems.empty()) {
      if (auto problem = notifier_.validate(trigger.trigger_type, trigger.trigger_meta)) {
        problems.push_back("trigger_meta." + *problem);
      }
    }
  }
  if (!problems.empty()) return bad_request(problems);
  auto same_name = find_by_name(trigger.name);
  if (same_name && same_name->id != trigger.id) {
    return Error{ErrorCode::kConflict, "A trigger named '" + trigger.name + "' already exists"};
  }
  return std::nullopt;
}

Result<Trigger> TriggerService::store_checked(Trigger trigger, bool creating) {
  std::lock_guard updating(update_mutex_);
  if (!creating && !find(trigger.id)) return not_found(trigger.id);
  if (auto error = check(trigger)) return *error;
  Trigger stored;
  if (creating) {
    stored = store_.create(trigger);
  } else if (auto updated = store_.update(trigger)) {
    stored = std::move(*updated);
  } else {
    return not_found(trigger.id);
  }
  std::lock_guard lock(mutex_);
  cache_[stored.id] = stored;
  return stored;
}

Trigger TriggerService::masked(Trigger trigger) const {
  json::object meta = meta_object(trigger.trigger_meta);
  mask_secrets(meta, notifier_.secret_settings(trigger.trigger_type));
  trigger.trigger_meta = json::serialize(meta);
  return trigger;
}

std::optional<Error> TriggerService::keep_secrets(Trigger& trigger,
                                                  const std::string& stored_meta) const {
  boost::system::error_code ec;
  json::value meta = json::parse(trigger.trigger_meta, ec);
  if (ec || !meta.is_object()) return std::nullopt;  // check() reports it
  auto problems = keep_stored_secrets(meta.as_object(), meta_object(stored_meta),
                                      notifier_.secret_settings(trigger.trigger_type));
  if (!problems.empty()) {
    for (auto& problem : problems) problem = "trigger_meta." + problem;
    return bad_request(problems);
  }
  trigger.trigger_meta = json::serialize(meta);
  return std::nullopt;
}

Result<Trigger> TriggerService::create(Trigger trigger) {
  trigger.id = 0;
  if (auto error = keep_secrets(trigger, "{}")) return *error;
  return store_checked(std::move(trigger), true);
}

Result<Trigger> TriggerService::update(Trigger trigger) {
  auto stored = find(trigger.id);
  if (!stored) return not_found(trigger.id);
  if (auto error = keep_secrets(trigger, stored->trigger_meta)) return *error;
  return store_checked(std::move(trigger), false);
}

std::optional<Error> TriggerService::remove(std::int64_t id) {
  std::lock_guard updating(update_mutex_);
  const std::string name = "Trigger with id '" + std::to_string(id) + "'";
  if (!find(id)) return Error{ErrorCode::kNotFound, name + " not found"};
  if (auto rules = store_.rules_using(id); !rules.empty()) {
    std::string ids;
    for (auto rule : rules) ids += (ids.empty() ? "" : ", ") + std::to_string(rule);
    return Error{ErrorCode::kConflict, name + " is used by alert rules " + ids};
  }
  if (!store_.remove(id)) return Error{ErrorCode::kNotFound, name + " not found"};
  std::lock_guard lock(mutex_);
  cache_.erase(id);
  return std::nullopt;
}

Result<DeliveryOutcome> TriggerService::send_test(std::int64_t id) {
  auto trigger = find(id);
  if (!trigger) return not_found(id);
  const Seconds now = to_seconds(clock_.now_ms());
  AlertRule rule;
  rule.monitors = {"test-monitor"};
  rule.severity = AlertSeverity::kCritical;
  rule.description = "Test alert from Vigil";
  AlertState state;
  state.monitor_tag = "test-monitor";
  state.triggered_at = state.last_notified_at = now;
  OutboxMessage message = messages_.message(
      AlertNotice{rule, state, AlertTransition::kTriggered, "Test monitor", now}, *trigger, "test");
  message.idempotency_key = "test:" + std::to_string(id) + ":" + std::to_string(clock_.now_ms());
  return notifier_.send_now(std::move(message));
}

std::vector<Error> TriggerService::reconcile(const std::vector<Trigger>& declared) {
  std::vector<Error> errors;
  for (Trigger trigger : declared) {
    auto existing = find_by_name(std::string(trim(trigger.name)));
    if (existing) trigger.id = existing->id;
    auto stored = store_checked(trigger, !existing);
    if (!stored.ok()) {
      errors.push_back(
          Error{stored.error().code, "trigger '" + trigger.name + "': " + stored.error().message});
    }
  }
  return errors;
}

}  // namespace vigil
