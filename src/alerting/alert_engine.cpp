#include "alerting/alert_engine.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/ascii_case.hpp"

namespace vigil {

AlertEngine::AlertEngine(Parts parts, std::size_t queue_capacity)
    : parts_(std::move(parts)),
      messages_(parts_.site),
      incident_writer_(parts_.incidents),
      capacity_(queue_capacity) {}

AlertEngine::~AlertEngine() {
  stop();
}

Seconds AlertEngine::now() const {
  return to_seconds(parts_.clock.now_ms());
}

void AlertEngine::load() {
  std::lock_guard lock(mutex_);
  for (const auto& state : parts_.store.states(std::nullopt)) {
    AlertTracker& restored = tracker(state.rule_id, state.monitor_tag);
    restored.restore(state);
    if (state.notified_sequence >= state.sequence) continue;
    if (auto rule = parts_.rules.find(state.rule_id)) {
      notify(*rule, state, state.last_transition);
      restored.mark_notified();
      restored.restore(parts_.store.save_state(restored.state()));
    }
  }
}

void AlertEngine::start() {
  std::lock_guard lock(queue_mutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::thread([this] { run(); });
}

void AlertEngine::stop() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void AlertEngine::enqueue(Work work) {
  std::uint64_t dropped = 0;
  {
    std::lock_guard lock(queue_mutex_);
    if (queue_.size() < capacity_) {
      queue_.push_back(std::move(work));
    } else {
      dropped = ++dropped_;
    }
  }
  if (dropped == 0) {
    work_ready_.notify_one();
  } else if (dropped == 1 || dropped % 1000 == 0) {
    spdlog::warn("alerting: the queue is full; {} samples dropped so far", dropped);
  }
}

void AlertEngine::observe(const CheckResult& result) {
  if (!parts_.rules.watches(result.monitor_tag)) return;
  enqueue(Work{result.monitor_tag, AlertSample{result.status, result.latency_ms},
               to_seconds(result.started_ms)});
}

void AlertEngine::reevaluate(const std::string& tag) {
  enqueue(Work{tag, std::nullopt, 0});
}

void AlertEngine::wait_idle() {
  std::unique_lock lock(queue_mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

std::uint64_t AlertEngine::dropped() const {
  std::lock_guard lock(queue_mutex_);
  return dropped_;
}

void AlertEngine::run() {
  std::unique_lock lock(queue_mutex_);
  while (true) {
    work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything queued is done
    Work work = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    try {
      if (work.sample) {
        evaluate_sample(work.tag, *work.sample, work.at);
      } else {
        evaluate_recent(work.tag);
      }
    } catch (const std::exception& e) {
      spdlog::error("alerting: evaluating {} failed: {}", work.tag, e.what());
    }
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

AlertTracker& AlertEngine::tracker(std::int64_t rule_id, const std::string& tag) {
  auto it = trackers_.find(Key{rule_id, tag});
  if (it == trackers_.end()) {
    it = trackers_.emplace(Key{rule_id, tag}, AlertTracker(rule_id, tag)).first;
  }
  return it->second;
}

bool AlertEngine::held(const AlertRule& rule, const std::string& tag) const {
  return std::any_of(rule.depends_on.begin(), rule.depends_on.end(), [&](const std::string& p) {
    auto it = last_status_.find(p);
    return p != tag && it != last_status_.end() && it->second == Status::kDown;
  });
}

void AlertEngine::evaluate_sample(const std::string& tag, const AlertSample& sample, Seconds at) {
  const bool in_maintenance = parts_.in_maintenance && parts_.in_maintenance(tag, at);
  std::lock_guard lock(mutex_);
  if (sample.status == Status::kUp || sample.status == Status::kDegraded ||
      sample.status == Status::kDown) {
    last_status_[tag] = sample.status;
  }
  for (const auto& rule : parts_.rules.rules_for(tag)) {
    AlertTracker& pair = tracker(rule->id, tag);
    decided(*rule, pair, pair.on_sample(*rule, sample, now(), in_maintenance, held(*rule, tag)));
  }
  if (sample.status != Status::kDown) release_children(tag);
}

void AlertEngine::evaluate_recent(const std::string& tag) {
  const auto rules = parts_.rules.rules_for(tag);
  int count = 0;
  for (const auto& rule : rules) {
    count = std::max({count, rule->failure_threshold, rule->success_threshold});
  }
  if (count == 0 || !parts_.recent) return;
  std::vector<AlertSample> samples;
  for (const auto& bucket : parts_.recent(tag, count)) {
    samples.push_back(AlertSample{bucket.status(), bucket.latency.avg()});
  }
  const Seconds t = now();
  const bool in_maintenance = parts_.in_maintenance && parts_.in_maintenance(tag, t);
  std::lock_guard lock(mutex_);
  for (const auto& rule : rules) {
    AlertTracker& pair = tracker(rule->id, tag);
    decided(*rule, pair, pair.rebuild(*rule, samples, t, in_maintenance, held(*rule, tag)));
  }
}

void AlertEngine::release_children(const std::string& parent) {
  const std::vector<Key> waiting(held_.begin(), held_.end());
  for (const Key& key : waiting) {
    auto rule = parts_.rules.find(key.first);
    if (!rule || !rule->active) {
      held_.erase(key);
      continue;
    }
    if (std::find(rule->depends_on.begin(), rule->depends_on.end(), parent) ==
            rule->depends_on.end() ||
        held(*rule, key.second)) {
      continue;
    }
    AlertTracker& pair = tracker(key.first, key.second);
    decided(*rule, pair, pair.release(*rule, now()));
  }
}

void AlertEngine::decided(const AlertRule& rule, AlertTracker& pair,
                          std::optional<AlertTransition> transition) {
  const Key key{rule.id, pair.monitor_tag()};
  if (pair.held()) {
    held_.insert(key);
  } else {
    held_.erase(key);
  }
  if (transition) apply(rule, pair, *transition);
}

void AlertEngine::tick() {
  std::lock_guard lock(mutex_);
  for (auto& [key, pair] : trackers_) {
    if (!pair.firing()) continue;
    auto rule = parts_.rules.find(key.first);
    if (!rule || !rule->active || !rule->covers(key.second)) continue;
    if (auto t = pair.on_tick(*rule, now())) apply(*rule, pair, *t);
  }
}

void AlertEngine::apply(const AlertRule& rule, AlertTracker& pair, AlertTransition transition) {
  const AlertNotice notice{rule, pair.state(), transition, monitor_name(pair.state().monitor_tag),
                           now()};
  if (transition == AlertTransition::kTriggered && rule.create_incident) {
    if (auto incident = incident_writer_.open(notice)) pair.set_incident(*incident);
  } else if (transition == AlertTransition::kResolved && pair.state().incident_id) {
    incident_writer_.close(notice, *pair.state().incident_id);
  }
  if (auto change = pair.status_change(rule, now())) {
    pair.restore(parts_.store.save_transition(pair.state(), *change));
  } else {
    pair.restore(parts_.store.save_state(pair.state()));
  }
  spdlog::info("alerting: rule {} on {}: {}", rule.id, pair.state().monitor_tag,
               to_string(transition));
  notify(rule, pair.state(), transition);
  pair.mark_notified();
  parts_.store.save_state(pair.state());
}

void AlertEngine::notify(const AlertRule& rule, const AlertState& state,
                         AlertTransition transition) {
  std::vector<std::int64_t> recipients;
  if (transition != AlertTransition::kEscalated) recipients = rule.triggers;
  const bool to_escalation = transition == AlertTransition::kEscalated ||
                             (transition == AlertTransition::kResolved && state.escalated);
  if (to_escalation && rule.escalation) {
    for (auto id : rule.escalation->triggers) {
      if (std::find(recipients.begin(), recipients.end(), id) == recipients.end()) {
        recipients.push_back(id);
      }
    }
  }
  const AlertNotice notice{rule, state, transition, monitor_name(state.monitor_tag), now()};
  const std::string kind = to_lower(to_string(transition));
  for (auto id : recipients) {
    auto trigger = parts_.triggers.find(id);
    if (!trigger || !trigger->active) continue;
    OutboxMessage message = messages_.message(notice, *trigger, "alert");
    message.idempotency_key = "alert:" + std::to_string(rule.id) + ":" + state.monitor_tag + ":" +
                              std::to_string(state.sequence) + ":" + kind + ":" +
                              std::to_string(id);
    parts_.notifier.enqueue(std::move(message));
  }
}

std::string AlertEngine::monitor_name(const std::string& tag) const {
  auto monitor = parts_.monitors.find(tag);
  return monitor && !monitor->name.empty() ? monitor->name : tag;
}

Result<AlertState> AlertEngine::acknowledge(std::int64_t rule_id, const std::string& tag,
                                            std::string by) {
  std::lock_guard lock(mutex_);
  auto it = trackers_.find(Key{rule_id, tag});
  if (it == trackers_.end() || !it->second.has_state()) {
    return Error{ErrorCode::kNotFound,
                 "Alert rule " + std::to_string(rule_id) + " has no alert on '" + tag + "'"};
  }
  if (!it->second.acknowledge(now(), std::move(by))) {
    return Error{ErrorCode::kConflict, "The alert on '" + tag + "' is not firing"};
  }
  it->second.restore(parts_.store.save_state(it->second.state()));
  return it->second.state();
}

std::vector<AlertState> AlertEngine::states(std::int64_t rule_id) const {
  return parts_.store.states(rule_id);
}

AlertHistoryPage AlertEngine::history(std::int64_t rule_id, std::int64_t offset,
                                      std::int64_t limit) const {
  return parts_.store.history(rule_id, offset, limit);
}

}  // namespace vigil
