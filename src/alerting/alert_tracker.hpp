#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "alerting/alert_sample.hpp"
#include "core/alert_history_entry.hpp"
#include "core/alert_rule.hpp"
#include "core/alert_state.hpp"

namespace vigil {

//! The decision logic of one (rule, monitor) pair, free of I/O and clocks: a window of the
//! latest counting samples and the alert state, moved by samples and by time. Kener's rules:
//! fires when the last failure_threshold samples all match, resolves when the last
//! success_threshold samples are all good; one firing alert at a time.
class AlertTracker {
 public:
  //! A pair that never fired.
  AlertTracker(std::int64_t rule_id, std::string monitor_tag);

  //! The monitor this pair watches.
  const std::string& monitor_tag() const { return monitor_tag_; }
  //! Takes a stored state (at start) or a stored copy (with its id) of the current one.
  void restore(const AlertState& state) { state_ = state; }
  //! True once the pair fired at least once (state() is valid then).
  bool has_state() const { return state_.has_value(); }
  //! The alert state; only valid when has_state().
  const AlertState& state() const { return *state_; }
  //! Notes that the alert opened incident `id`.
  void set_incident(std::int64_t id) { state_->incident_id = id; }
  //! Notes that every transition so far was handed to the notifier.
  void mark_notified() { state_->notified_sequence = state_->sequence; }
  //! True while the alert is TRIGGERED.
  bool firing() const;
  //! True while the window says "fire" but a parent monitor holds it back.
  bool held() const { return held_; }

  //! Folds one sample in and decides. Samples other than UP/DEGRADED/DOWN are ignored. While
  //! `in_maintenance`, a sample cannot fire (the failure streak restarts) but can resolve.
  //! While `held`, a due firing waits (held() turns true).
  std::optional<AlertTransition> on_sample(const AlertRule& rule, const AlertSample& sample,
                                           Seconds now, bool in_maintenance, bool held);
  //! Replaces the window with `samples` (oldest first) and decides as on_sample() does.
  std::optional<AlertTransition> rebuild(const AlertRule& rule,
                                         const std::vector<AlertSample>& samples, Seconds now,
                                         bool in_maintenance, bool held);
  //! Fires a held alert whose parents no longer hold it, if the window still says so.
  std::optional<AlertTransition> release(const AlertRule& rule, Seconds now);
  //! Time-driven transitions of a firing, unacknowledged alert: the escalation once
  //! escalation.after_minutes after it fired, otherwise a reminder every reminder_minutes.
  std::optional<AlertTransition> on_tick(const AlertRule& rule, Seconds now);
  //! Acknowledges a firing alert at `now` on behalf of `by` (stops reminders and escalation);
  //! false when it is not firing.
  bool acknowledge(Seconds now, std::string by);
  //! The status change (firing or resolving) that the latest transition made, as a history
  //! entry at `now` carrying what the window showed; nullopt after a reminder or escalation.
  std::optional<AlertHistoryEntry> status_change(const AlertRule& rule, Seconds now) const;

  //! True when the last failure_threshold samples of `window` match the rule.
  static bool fires(const AlertRule& rule, const std::deque<AlertSample>& window);
  //! True when the last success_threshold samples of `window` are good for the rule.
  static bool resolves(const AlertRule& rule, const std::deque<AlertSample>& window);

 private:
  void push(const AlertRule& rule, const AlertSample& sample);
  std::optional<AlertTransition> decide(const AlertRule& rule, Seconds now, bool held);
  AlertTransition open(Seconds now);
  AlertTransition close(Seconds now);
  AlertTransition step(AlertTransition transition);
  std::string observed(const AlertRule& rule) const;

  std::int64_t rule_id_;
  std::string monitor_tag_;
  std::deque<AlertSample> window_;
  std::optional<AlertState> state_;
  bool held_ = false;
};

}  // namespace vigil
