// SqliteAlertStore: rules with their ordered lists, states upserted per (rule, monitor), and
// what deleting a rule or a monitor, or dropping a monitor from a rule, does to them.
#include "storage/sqlite/sqlite_alert_store.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_incident_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_trigger_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Seconds kT = 1'700'000'000;

class SqliteAlertStoreTest : public ::testing::Test {
 protected:
  SqliteAlertStoreTest() {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = tag;
      EXPECT_TRUE(monitors_.create(spec).ok());
    }
    for (const char* name : {"one", "two"}) {
      Trigger t;
      t.name = name;
      t.trigger_type = "webhook";
      trigger_ids_.push_back(triggers_.create(t).id);
    }
  }

  // An incident to link alert rows to; returns its id.
  std::int64_t create_incident() {
    SqliteIncidentStore incidents(db_);
    Incident incident;
    incident.title = "x";
    incident.start_date_time = kT;
    return incidents.create(incident).id;
  }

  AlertRule full_rule() const {
    AlertRule rule;
    rule.monitors = {"web", "api"};
    rule.alert_for = AlertFor::kLatency;
    rule.alert_value = "750";
    rule.failure_threshold = 3;
    rule.success_threshold = 2;
    rule.severity = AlertSeverity::kCritical;
    rule.create_incident = true;
    rule.active = false;
    rule.description = "slow";
    rule.triggers = {trigger_ids_[1], trigger_ids_[0]};
    rule.reminder_minutes = 30;
    rule.escalation = AlertEscalation{10, {trigger_ids_[1]}};
    rule.depends_on = {"db"};
    return rule;
  }

  AlertState state(std::int64_t rule_id, std::string tag) const {
    AlertState s;
    s.rule_id = rule_id;
    s.monitor_tag = std::move(tag);
    s.triggered_at = s.last_notified_at = kT;
    s.sequence = 1;
    return s;
  }

  TempDir dir_;
  FakeClock clock_{kT * 1000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqliteTriggerStore triggers_{db_};
  SqliteAlertStore store_{db_};
  std::vector<std::int64_t> trigger_ids_;
};

TEST_F(SqliteAlertStoreTest, RulesRoundTripWithTheirListsInOrder) {
  auto created = store_.create_rule(full_rule());
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.created_at, kT);
  auto rules = store_.list_rules();
  ASSERT_EQ(rules.size(), 1u);
  const AlertRule& r = rules[0];
  EXPECT_EQ(r.monitors, (std::vector<std::string>{"web", "api"}));
  EXPECT_EQ(r.alert_for, AlertFor::kLatency);
  EXPECT_EQ(r.alert_value, "750");
  EXPECT_EQ(r.failure_threshold, 3);
  EXPECT_EQ(r.success_threshold, 2);
  EXPECT_EQ(r.severity, AlertSeverity::kCritical);
  EXPECT_TRUE(r.create_incident);
  EXPECT_FALSE(r.active);
  EXPECT_EQ(r.description, "slow");
  EXPECT_EQ(r.triggers, (std::vector<std::int64_t>{trigger_ids_[1], trigger_ids_[0]}));
  EXPECT_EQ(r.reminder_minutes, 30);
  EXPECT_EQ(r.escalation, (AlertEscalation{10, {trigger_ids_[1]}}));
  EXPECT_EQ(r.depends_on, (std::vector<std::string>{"db"}));

  AlertRule plain;
  plain.monitors = {"api"};
  auto second = store_.create_rule(plain);
  EXPECT_FALSE(store_.list_rules()[1].escalation);
  EXPECT_GT(second.id, created.id);
}

TEST_F(SqliteAlertStoreTest, UpdatingARuleReplacesItsListsAndDropsStatesOfRemovedMonitors) {
  auto rule = store_.create_rule(full_rule());
  store_.save_state(state(rule.id, "web"));
  store_.save_state(state(rule.id, "api"));
  clock_.advance(60'000);
  rule.monitors = {"api"};
  rule.escalation.reset();
  rule.triggers = {trigger_ids_[0]};
  auto updated = store_.update_rule(rule);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->updated_at, kT + 60);
  auto stored = store_.list_rules().at(0);
  EXPECT_EQ(stored.monitors, (std::vector<std::string>{"api"}));
  EXPECT_FALSE(stored.escalation);
  EXPECT_EQ(stored.triggers, (std::vector<std::int64_t>{trigger_ids_[0]}));
  auto states = store_.states(rule.id);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].monitor_tag, "api");
  rule.id = 999;
  EXPECT_FALSE(store_.update_rule(rule));
}

TEST_F(SqliteAlertStoreTest, StatesAreUpsertedPerRuleAndMonitor) {
  auto rule = store_.create_rule(full_rule());
  const auto incident_id = create_incident();

  auto first = store_.save_state(state(rule.id, "api"));
  AlertState changed = first;
  changed.status = AlertStatus::kResolved;
  changed.resolved_at = kT + 300;
  changed.incident_id = incident_id;
  changed.acknowledged_at = kT + 60;
  changed.acknowledged_by = "alice";
  changed.escalated = true;
  changed.last_notified_at = kT + 120;
  changed.sequence = 4;
  changed.last_transition = AlertTransition::kResolved;
  changed.notified_sequence = 3;
  changed.id = 0;  // matched by (rule, monitor), not by id
  auto second = store_.save_state(changed);
  EXPECT_EQ(second.id, first.id);

  auto states = store_.states(std::nullopt);
  ASSERT_EQ(states.size(), 1u);
  const AlertState& s = states[0];
  EXPECT_EQ(s.rule_id, rule.id);
  EXPECT_EQ(s.status, AlertStatus::kResolved);
  EXPECT_EQ(s.triggered_at, kT);
  EXPECT_EQ(s.resolved_at, kT + 300);
  EXPECT_EQ(s.incident_id, incident_id);
  EXPECT_EQ(s.acknowledged_at, kT + 60);
  EXPECT_EQ(s.acknowledged_by, "alice");
  EXPECT_TRUE(s.escalated);
  EXPECT_EQ(s.last_notified_at, kT + 120);
  EXPECT_EQ(s.sequence, 4);
  EXPECT_EQ(s.last_transition, AlertTransition::kResolved);
  EXPECT_EQ(s.notified_sequence, 3);

  EXPECT_TRUE(SqliteIncidentStore(db_).remove(incident_id));
  EXPECT_FALSE(store_.states(rule.id).at(0).incident_id);
}

TEST_F(SqliteAlertStoreTest, DeletingARuleOrAMonitorDeletesTheirStatesAndLinks) {
  auto rule = store_.create_rule(full_rule());
  store_.save_state(state(rule.id, "web"));
  store_.save_state(state(rule.id, "api"));
  ASSERT_TRUE(monitors_.remove("web"));
  EXPECT_EQ(store_.states(rule.id).size(), 1u);
  EXPECT_EQ(store_.list_rules().at(0).monitors, (std::vector<std::string>{"api"}));
  EXPECT_TRUE(store_.remove_rule(rule.id));
  EXPECT_FALSE(store_.remove_rule(rule.id));
  EXPECT_TRUE(store_.states(std::nullopt).empty());
  EXPECT_TRUE(store_.list_rules().empty());
}

TEST_F(SqliteAlertStoreTest, TransitionsAppendToAPagedHistoryThatOutlivesTheMonitorNotTheRule) {
  auto rule = store_.create_rule(full_rule());
  const auto incident_id = create_incident();
  AlertHistoryEntry change;
  change.rule_id = rule.id;
  change.monitor_tag = "web";
  change.value = "812.5";
  change.incident_id = incident_id;
  change.created_at = kT;
  auto fired = store_.save_transition(state(rule.id, "web"), change);
  EXPECT_GT(fired.id, 0);
  EXPECT_EQ(store_.states(rule.id).size(), 1u);

  AlertState resolved = fired;
  resolved.status = AlertStatus::kResolved;
  change.from_status = AlertStatus::kTriggered;
  change.to_status = AlertStatus::kResolved;
  change.value = "120";
  change.acknowledged_by = "alice";
  change.acknowledged_at = kT + 60;
  change.created_at = kT + 300;
  EXPECT_EQ(store_.save_transition(resolved, change).id, fired.id);
  change.monitor_tag = "api";
  change.created_at = kT + 400;
  store_.save_transition(state(rule.id, "api"), change);

  auto page = store_.history(rule.id, 0, 2);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.entries.size(), 2u);
  EXPECT_EQ(page.entries[0].monitor_tag, "api");
  const AlertHistoryEntry& e = page.entries[1];
  EXPECT_EQ(e.rule_id, rule.id);
  EXPECT_EQ(e.monitor_tag, "web");
  EXPECT_EQ(e.from_status, AlertStatus::kTriggered);
  EXPECT_EQ(e.to_status, AlertStatus::kResolved);
  EXPECT_EQ(e.value, "120");
  EXPECT_EQ(e.incident_id, incident_id);
  EXPECT_EQ(e.acknowledged_by, "alice");
  EXPECT_EQ(e.acknowledged_at, kT + 60);
  EXPECT_EQ(e.created_at, kT + 300);
  auto last = store_.history(rule.id, 2, 2).entries;
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].from_status, std::nullopt);
  EXPECT_EQ(last[0].to_status, AlertStatus::kTriggered);
  EXPECT_EQ(last[0].value, "812.5");

  ASSERT_TRUE(monitors_.remove("web"));
  EXPECT_EQ(store_.history(rule.id, 0, 10).total, 3);
  EXPECT_EQ(store_.prune_history(kT + 301), 2);
  EXPECT_EQ(store_.history(rule.id, 0, 10).total, 1);
  EXPECT_TRUE(store_.remove_rule(rule.id));
  EXPECT_EQ(store_.history(rule.id, 0, 10).total, 0);
}

}  // namespace
}  // namespace vigil
