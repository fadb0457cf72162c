#include "alerting/alert_tracker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace vigil {
namespace {

bool counts(Status status) {
  return status == Status::kUp || status == Status::kDegraded || status == Status::kDown;
}

// The last `n` samples of `window`, or nullopt when it holds fewer.
std::optional<
    std::pair<std::deque<AlertSample>::const_iterator, std::deque<AlertSample>::const_iterator>>
last(const std::deque<AlertSample>& window, int n) {
  if (n < 1 || window.size() < static_cast<std::size_t>(n)) return std::nullopt;
  return std::make_pair(window.end() - n, window.end());
}

// Percentage of UP and DEGRADED samples in [begin, end) (Kener's default uptime formula).
template <class It>
double uptime(It begin, It end) {
  const auto up = std::count_if(begin, end, [](const AlertSample& s) {
    return s.status == Status::kUp || s.status == Status::kDegraded;
  });
  return 100.0 * static_cast<double>(up) / static_cast<double>(std::distance(begin, end));
}

}  // namespace

AlertTracker::AlertTracker(std::int64_t rule_id, std::string monitor_tag)
    : rule_id_(rule_id), monitor_tag_(std::move(monitor_tag)) {}

bool AlertTracker::firing() const {
  return state_ && state_->status == AlertStatus::kTriggered;
}

bool AlertTracker::fires(const AlertRule& rule, const std::deque<AlertSample>& window) {
  auto range = last(window, rule.failure_threshold);
  if (!range) return false;
  auto [begin, end] = *range;
  switch (rule.alert_for) {
    case AlertFor::kStatus: {
      auto wanted = parse_status(rule.alert_value);
      return std::all_of(begin, end, [&](const AlertSample& s) { return s.status == wanted; });
    }
    case AlertFor::kLatency:
      return std::all_of(begin, end,
                         [&](const AlertSample& s) { return s.latency_ms > rule.threshold(); });
    case AlertFor::kUptime:
      return uptime(begin, end) < rule.threshold();
  }
  return false;
}

bool AlertTracker::resolves(const AlertRule& rule, const std::deque<AlertSample>& window) {
  auto range = last(window, rule.success_threshold);
  if (!range) return false;
  auto [begin, end] = *range;
  switch (rule.alert_for) {
    case AlertFor::kStatus:
      return std::all_of(begin, end, [](const AlertSample& s) { return s.status == Status::kUp; });
    case AlertFor::kLatency:
      return std::all_of(begin, end,
                         [&](const AlertSample& s) { return s.latency_ms <= rule.threshold(); });
    case AlertFor::kUptime:
      return uptime(begin, end) >= rule.threshold();
  }
  return false;
}

void AlertTracker::push(const AlertRule& rule, const AlertSample& sample) {
  window_.push_back(sample);
  const auto capacity =
      static_cast<std::size_t>(std::max(rule.failure_threshold, rule.success_threshold));
  while (window_.size() > capacity) window_.pop_front();
}

std::optional<AlertTransition> AlertTracker::on_sample(const AlertRule& rule,
                                                       const AlertSample& sample, Seconds now,
                                                       bool in_maintenance, bool held) {
  if (!counts(sample.status)) return std::nullopt;
  if (in_maintenance && !firing()) {
    window_.clear();
    held_ = false;
    return std::nullopt;
  }
  push(rule, sample);
  return decide(rule, now, held);
}

std::optional<AlertTransition> AlertTracker::rebuild(const AlertRule& rule,
                                                     const std::vector<AlertSample>& samples,
                                                     Seconds now, bool in_maintenance, bool held) {
  window_.clear();
  for (const auto& sample : samples) {
    if (counts(sample.status)) push(rule, sample);
  }
  if (in_maintenance && !firing()) return std::nullopt;
  return decide(rule, now, held);
}

std::optional<AlertTransition> AlertTracker::release(const AlertRule& rule, Seconds now) {
  if (!held_) return std::nullopt;
  return decide(rule, now, false);
}

std::optional<AlertTransition> AlertTracker::decide(const AlertRule& rule, Seconds now, bool held) {
  if (firing()) {
    if (resolves(rule, window_)) return close(now);
    return std::nullopt;
  }
  const bool due = fires(rule, window_);
  held_ = due && held;
  if (!due || held_) return std::nullopt;
  return open(now);
}

AlertTransition AlertTracker::open(Seconds now) {
  AlertState next;
  if (state_) next = *state_;
  next.rule_id = rule_id_;
  next.monitor_tag = monitor_tag_;
  next.status = AlertStatus::kTriggered;
  next.triggered_at = now;
  next.resolved_at.reset();
  next.incident_id.reset();
  next.acknowledged_at.reset();
  next.acknowledged_by.clear();
  next.escalated = false;
  next.last_notified_at = now;
  state_ = std::move(next);
  return step(AlertTransition::kTriggered);
}

AlertTransition AlertTracker::close(Seconds now) {
  state_->status = AlertStatus::kResolved;
  state_->resolved_at = now;
  return step(AlertTransition::kResolved);
}

AlertTransition AlertTracker::step(AlertTransition transition) {
  state_->sequence += 1;
  state_->last_transition = transition;
  return transition;
}

std::optional<AlertTransition> AlertTracker::on_tick(const AlertRule& rule, Seconds now) {
  if (!firing() || state_->acknowledged_at) return std::nullopt;
  if (rule.escalation && !state_->escalated &&
      now - state_->triggered_at >= rule.escalation->after_minutes * kMinute) {
    state_->escalated = true;
    return step(AlertTransition::kEscalated);
  }
  if (rule.reminder_minutes > 0 &&
      now - state_->last_notified_at >= rule.reminder_minutes * kMinute) {
    state_->last_notified_at = now;
    return step(AlertTransition::kReminder);
  }
  return std::nullopt;
}

bool AlertTracker::acknowledge(Seconds now, std::string by) {
  if (!firing()) return false;
  state_->acknowledged_at = now;
  state_->acknowledged_by = std::move(by);
  return true;
}

std::optional<AlertHistoryEntry> AlertTracker::status_change(const AlertRule& rule,
                                                             Seconds now) const {
  if (!state_ || (state_->last_transition != AlertTransition::kTriggered &&
                  state_->last_transition != AlertTransition::kResolved)) {
    return std::nullopt;
  }
  AlertHistoryEntry change;
  change.rule_id = rule_id_;
  change.monitor_tag = monitor_tag_;
  change.to_status = state_->status;
  if (state_->status == AlertStatus::kResolved) {
    change.from_status = AlertStatus::kTriggered;
  } else if (state_->sequence > 1) {  // a firing after the first follows a resolution
    change.from_status = AlertStatus::kResolved;
  }
  change.value = observed(rule);
  change.incident_id = state_->incident_id;
  change.acknowledged_by = state_->acknowledged_by;
  change.acknowledged_at = state_->acknowledged_at;
  change.created_at = now;
  return change;
}

// What decided the current status: the latest sample's status or latency, or the uptime (%)
// over the samples the decision looked at; rounded to two decimals.
std::string AlertTracker::observed(const AlertRule& rule) const {
  if (window_.empty()) return {};
  if (rule.alert_for == AlertFor::kStatus) return std::string(to_string(window_.back().status));
  double value = window_.back().latency_ms;
  if (rule.alert_for == AlertFor::kUptime) {
    const int n = firing() ? rule.failure_threshold : rule.success_threshold;
    auto begin = window_.end() - std::min<std::ptrdiff_t>(n, std::ssize(window_));
    value = uptime(begin, window_.end());
  }
  return fmt::format("{}", std::round(value * 100) / 100);
}

}  // namespace vigil
