// AlertTracker: Kener's firing and resolving rules, flapping, maintenance, dependencies,
// reminders and escalation, with time given by the test.
#include "alerting/alert_tracker.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vigil {
namespace {

constexpr Seconds kT = 1'700'000'000;

AlertRule status_rule(int failures, int successes) {
  AlertRule rule;
  rule.id = 7;
  rule.monitors = {"api"};
  rule.failure_threshold = failures;
  rule.success_threshold = successes;
  return rule;
}

// Feeds statuses one minute apart from kT; returns every transition with its sample index.
std::vector<std::pair<int, AlertTransition>> run(AlertTracker& tracker, const AlertRule& rule,
                                                 const std::vector<Status>& statuses,
                                                 double latency = 10) {
  std::vector<std::pair<int, AlertTransition>> out;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const Seconds now = kT + static_cast<Seconds>(i) * kMinute;
    if (auto t = tracker.on_sample(rule, {statuses[i], latency}, now, false, false)) {
      out.emplace_back(static_cast<int>(i), *t);
    }
  }
  return out;
}

using enum Status;
using Transitions = std::vector<std::pair<int, AlertTransition>>;

TEST(AlertTrackerTest, FiresAfterFailureThresholdAndResolvesAfterSuccessThreshold) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(3, 2);
  auto got = run(tracker, rule, {kDown, kDown, kDown, kDown, kUp, kUp, kUp});
  EXPECT_EQ(got, (Transitions{{2, AlertTransition::kTriggered}, {5, AlertTransition::kResolved}}));
  const AlertState& state = tracker.state();
  EXPECT_EQ(state.rule_id, 7);
  EXPECT_EQ(state.monitor_tag, "api");
  EXPECT_EQ(state.status, AlertStatus::kResolved);
  EXPECT_EQ(state.triggered_at, kT + 2 * kMinute);
  EXPECT_EQ(state.resolved_at, kT + 5 * kMinute);
  EXPECT_EQ(state.sequence, 2);
}

TEST(AlertTrackerTest, AFlappingMonitorFiresOnce) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(3, 3);
  // Never three DOWN in a row before the streak, then it fires once and flapping (UP, DOWN, UP)
  // never gives three UP in a row, so it neither resolves nor fires again.
  auto got = run(tracker, rule,
                 {kDown, kUp, kDown, kDown, kUp, kDown, kDown, kDown, kUp, kDown, kUp, kDown, kUp,
                  kUp, kDown});
  EXPECT_EQ(got, (Transitions{{7, AlertTransition::kTriggered}}));
  EXPECT_TRUE(tracker.firing());
}

TEST(AlertTrackerTest, StatusMatchesTheExactValueAndOnlyCountingSamplesCount) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(2, 1);
  rule.alert_value = "DEGRADED";
  // DOWN is not DEGRADED; MAINTENANCE and NO_DATA samples are skipped, not streak breakers.
  auto got = run(tracker, rule, {kDown, kDegraded, kMaintenance, kNoData, kDegraded, kDown, kUp});
  EXPECT_EQ(got, (Transitions{{4, AlertTransition::kTriggered}, {6, AlertTransition::kResolved}}));
}

TEST(AlertTrackerTest, LatencyFiresWhenEverySampleIsAboveTheValue) {
  AlertTracker tracker(7, "api");
  AlertRule rule = status_rule(2, 2);
  rule.alert_for = AlertFor::kLatency;
  rule.alert_value = "500";
  Transitions got;
  const std::vector<double> latencies = {600, 400, 700, 800, 500, 300, 200};
  for (std::size_t i = 0; i < latencies.size(); ++i) {
    if (auto t = tracker.on_sample(rule, {kUp, latencies[i]}, kT, false, false)) {
      got.emplace_back(static_cast<int>(i), *t);
    }
  }
  // 500 is not above 500, and "below" resolves at or under the value.
  EXPECT_EQ(got, (Transitions{{3, AlertTransition::kTriggered}, {5, AlertTransition::kResolved}}));
}

TEST(AlertTrackerTest, UptimeCountsUpAndDegradedOverTheLastSamples) {
  AlertTracker tracker(7, "api");
  AlertRule rule = status_rule(4, 4);
  rule.alert_for = AlertFor::kUptime;
  rule.alert_value = "75";
  // Window of 4: one DOWN = 75% (not below); two DOWN = 50% fires; back to 75% resolves.
  auto got = run(tracker, rule, {kUp, kDegraded, kUp, kDown, kDown, kUp, kUp, kUp});
  EXPECT_EQ(got, (Transitions{{4, AlertTransition::kTriggered}, {7, AlertTransition::kResolved}}));
}

TEST(AlertTrackerTest, MaintenanceRestartsTheFailureStreakButLetsAResolutionThrough) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(2, 1);
  EXPECT_FALSE(tracker.on_sample(rule, {kDown, 0}, kT, false, false));
  EXPECT_FALSE(tracker.on_sample(rule, {kDown, 0}, kT + 60, true, false));
  EXPECT_FALSE(tracker.on_sample(rule, {kDown, 0}, kT + 120, true, false));
  EXPECT_FALSE(tracker.on_sample(rule, {kDown, 0}, kT + 180, false, false));
  EXPECT_EQ(tracker.on_sample(rule, {kDown, 0}, kT + 240, false, false),
            AlertTransition::kTriggered);
  EXPECT_EQ(tracker.on_sample(rule, {kUp, 0}, kT + 300, true, false), AlertTransition::kResolved);
}

TEST(AlertTrackerTest, AHeldAlertFiresWhenReleasedIfStillFailing) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(1, 1);
  EXPECT_FALSE(tracker.on_sample(rule, {kDown, 0}, kT, false, true));
  EXPECT_TRUE(tracker.held());
  EXPECT_FALSE(tracker.has_state());
  EXPECT_EQ(tracker.release(rule, kT + 60), AlertTransition::kTriggered);
  EXPECT_EQ(tracker.state().triggered_at, kT + 60);
  EXPECT_FALSE(tracker.held());

  AlertTracker recovered(7, "db");
  EXPECT_FALSE(recovered.on_sample(rule, {kDown, 0}, kT, false, true));
  EXPECT_FALSE(recovered.on_sample(rule, {kUp, 0}, kT + 60, false, true));
  EXPECT_FALSE(recovered.held());
  EXPECT_FALSE(recovered.release(rule, kT + 120));
}

TEST(AlertTrackerTest, RemindsEveryNMinutesUntilAcknowledged) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(1, 1);
  rule.reminder_minutes = 10;
  ASSERT_EQ(tracker.on_sample(rule, {kDown, 0}, kT, false, false), AlertTransition::kTriggered);
  EXPECT_FALSE(tracker.on_tick(rule, kT + 9 * kMinute + 59));
  EXPECT_EQ(tracker.on_tick(rule, kT + 10 * kMinute), AlertTransition::kReminder);
  EXPECT_FALSE(tracker.on_tick(rule, kT + 15 * kMinute));
  EXPECT_EQ(tracker.on_tick(rule, kT + 20 * kMinute), AlertTransition::kReminder);
  EXPECT_TRUE(tracker.acknowledge(kT + 21 * kMinute, "alice"));
  EXPECT_FALSE(tracker.on_tick(rule, kT + 40 * kMinute));
  EXPECT_EQ(tracker.state().sequence, 3);
}

TEST(AlertTrackerTest, EscalatesOnceWhenNotAcknowledgedInTime) {
  auto rule = status_rule(1, 1);
  rule.escalation = AlertEscalation{15, {2}};
  AlertTracker tracker(7, "api");
  ASSERT_EQ(tracker.on_sample(rule, {kDown, 0}, kT, false, false), AlertTransition::kTriggered);
  EXPECT_FALSE(tracker.on_tick(rule, kT + 14 * kMinute));
  EXPECT_EQ(tracker.on_tick(rule, kT + 15 * kMinute), AlertTransition::kEscalated);
  EXPECT_TRUE(tracker.state().escalated);
  EXPECT_FALSE(tracker.on_tick(rule, kT + 60 * kMinute));

  AlertTracker acknowledged(7, "db");
  ASSERT_EQ(acknowledged.on_sample(rule, {kDown, 0}, kT, false, false),
            AlertTransition::kTriggered);
  EXPECT_TRUE(acknowledged.acknowledge(kT + 5 * kMinute, "alice"));
  EXPECT_FALSE(acknowledged.on_tick(rule, kT + 30 * kMinute));
  EXPECT_FALSE(acknowledged.state().escalated);
}

TEST(AlertTrackerTest, FiringAgainStartsAFreshAlertWithTheNextSequence) {
  AlertTracker tracker(7, "api");
  auto rule = status_rule(1, 1);
  rule.escalation = AlertEscalation{1, {2}};
  run(tracker, rule, {kDown});
  ASSERT_EQ(tracker.on_tick(rule, kT + kMinute), AlertTransition::kEscalated);
  tracker.acknowledge(kT + 2 * kMinute, "alice");
  auto got = run(tracker, rule, {kUp, kDown});
  EXPECT_EQ(got, (Transitions{{0, AlertTransition::kResolved}, {1, AlertTransition::kTriggered}}));
  EXPECT_FALSE(tracker.state().escalated);
  EXPECT_FALSE(tracker.state().acknowledged_at);
  EXPECT_FALSE(tracker.state().resolved_at);
  EXPECT_EQ(tracker.state().acknowledged_by, "");
  EXPECT_EQ(tracker.state().sequence, 4);
  auto again = tracker.status_change(rule, kT + 3 * kMinute);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->from_status, AlertStatus::kResolved);
  EXPECT_EQ(again->to_status, AlertStatus::kTriggered);
}

TEST(AlertTrackerTest, StatusChangesCarryWhatTheSamplesShowed) {
  AlertTracker latency(7, "api");
  AlertRule rule = status_rule(2, 1);
  rule.alert_for = AlertFor::kLatency;
  rule.alert_value = "500";
  EXPECT_FALSE(latency.status_change(rule, kT));
  for (double ms : {600.0, 812.346}) latency.on_sample(rule, {kUp, ms}, kT, false, false);
  auto fired = latency.status_change(rule, kT);
  ASSERT_TRUE(fired);
  EXPECT_EQ(fired->rule_id, 7);
  EXPECT_EQ(fired->monitor_tag, "api");
  EXPECT_EQ(fired->from_status, std::nullopt);
  EXPECT_EQ(fired->to_status, AlertStatus::kTriggered);
  EXPECT_EQ(fired->value, "812.35");
  EXPECT_EQ(fired->created_at, kT);
  rule.escalation = AlertEscalation{1, {2}};
  ASSERT_EQ(latency.on_tick(rule, kT + kMinute), AlertTransition::kEscalated);
  EXPECT_FALSE(latency.status_change(rule, kT + kMinute));
  latency.acknowledge(kT + 2 * kMinute, "alice");
  latency.on_sample(rule, {kUp, 300}, kT + 3 * kMinute, false, false);
  auto resolved = latency.status_change(rule, kT + 3 * kMinute);
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->from_status, AlertStatus::kTriggered);
  EXPECT_EQ(resolved->to_status, AlertStatus::kResolved);
  EXPECT_EQ(resolved->value, "300");
  EXPECT_EQ(resolved->acknowledged_by, "alice");
  EXPECT_EQ(resolved->acknowledged_at, kT + 2 * kMinute);

  AlertTracker uptime(7, "api");
  rule = status_rule(3, 3);
  rule.alert_for = AlertFor::kUptime;
  rule.alert_value = "70";
  run(uptime, rule, {kUp, kDown, kDown});
  EXPECT_EQ(uptime.status_change(rule, kT)->value, "33.33");
  run(uptime, rule, {kUp, kUp, kUp});
  EXPECT_EQ(uptime.status_change(rule, kT)->value, "100");
}

TEST(AlertTrackerTest, ARestoredFiringAlertOnlyResolves) {
  AlertState stored;
  stored.rule_id = 7;
  stored.monitor_tag = "api";
  stored.status = AlertStatus::kTriggered;
  stored.triggered_at = kT - kHour;
  stored.sequence = 5;
  AlertTracker tracker(7, "api");
  tracker.restore(stored);
  auto rule = status_rule(1, 2);
  auto got = run(tracker, rule, {kDown, kDown, kUp, kUp});
  EXPECT_EQ(got, (Transitions{{3, AlertTransition::kResolved}}));
  EXPECT_EQ(tracker.state().sequence, 6);
}

}  // namespace
}  // namespace vigil
