// AlertService: validation against monitors and triggers, normalised values, the per-monitor
// index the engine reads, and config reconciliation by description, on a real SQLite store.
#include "alerting/alert_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "alerting_harness.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;

class AlertServiceTest : public AlertingHarness {};

std::vector<std::int64_t> ids(const std::vector<std::shared_ptr<const AlertRule>>& rules) {
  std::vector<std::int64_t> out;
  for (const auto& rule : rules) out.push_back(rule->id);
  return out;
}

TEST_F(AlertServiceTest, StoresRulesWithTheirListsAndNormalisedValues) {
  auto ops = webhook("ops");
  auto pager = webhook("pager");
  auto r = rule([&](AlertRule& rule) {
    rule.monitors = {"db", "api"};
    rule.alert_for = AlertFor::kUptime;
    rule.alert_value = " 99.50 ";
    rule.triggers = {ops.id};
    rule.escalation = AlertEscalation{15, {pager.id}};
    rule.depends_on = {"gateway"};
    rule.reminder_minutes = 30;
    rule.description = "  Uptime  ";
  });
  EXPECT_EQ(r.alert_value, "99.5");
  EXPECT_EQ(r.description, "Uptime");

  AlertService reloaded(alert_store_, monitors_, triggers_);
  reloaded.refresh();
  auto stored = reloaded.find(r.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->monitors, (std::vector<std::string>{"db", "api"}));
  EXPECT_EQ(stored->alert_for, AlertFor::kUptime);
  EXPECT_EQ(stored->triggers, (std::vector<std::int64_t>{ops.id}));
  ASSERT_TRUE(stored->escalation);
  EXPECT_EQ(*stored->escalation, (AlertEscalation{15, {pager.id}}));
  EXPECT_EQ(stored->depends_on, (std::vector<std::string>{"gateway"}));
  EXPECT_EQ(stored->reminder_minutes, 30);
}

TEST_F(AlertServiceTest, RejectsRulesWithBadValuesOrMissingReferences) {
  AlertRule rule;
  rule.monitors = {"api", "nope"};
  rule.alert_value = "UP";
  rule.failure_threshold = 0;
  rule.triggers = {42};
  rule.depends_on = {"ghost"};
  rule.escalation = AlertEscalation{0, {}};
  auto bad = alerts_.create(rule);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  for (const char* problem :
       {"alert_value: must be DOWN or DEGRADED", "failure_threshold: must be between 1 and 1000",
        "monitors: monitor 'nope' does not exist", "depends_on: monitor 'ghost' does not exist",
        "triggers: trigger 42 does not exist", "escalation.after_minutes: must be between 1",
        "escalation.triggers: at least one trigger is required"}) {
    EXPECT_THAT(bad.error().message, HasSubstr(problem));
  }
  rule = AlertRule{};
  rule.monitors = {"api"};
  rule.alert_for = AlertFor::kLatency;
  rule.alert_value = "fast";
  EXPECT_THAT(alerts_.create(rule).error().message,
              HasSubstr("alert_value: must be a latency in milliseconds above 0"));
  rule.alert_for = AlertFor::kUptime;
  rule.alert_value = "101";
  EXPECT_THAT(alerts_.create(rule).error().message, HasSubstr("at most 100"));
  rule.monitors = {};
  rule.alert_value = "99";
  EXPECT_THAT(alerts_.create(rule).error().message,
              HasSubstr("monitors: at least one monitor is required"));
}

TEST_F(AlertServiceTest, IndexesActiveRulesByMonitor) {
  auto both = rule([](AlertRule& rule) { rule.monitors = {"api", "db"}; });
  auto inactive = rule([](AlertRule& rule) { rule.active = false; });
  auto db = rule([](AlertRule& rule) { rule.monitors = {"db"}; });
  EXPECT_EQ(ids(alerts_.rules_for("api")), (std::vector<std::int64_t>{both.id}));
  EXPECT_EQ(ids(alerts_.rules_for("db")), (std::vector<std::int64_t>{both.id, db.id}));
  EXPECT_TRUE(alerts_.rules_for("gateway").empty());
  EXPECT_TRUE(alerts_.watches("api"));
  EXPECT_FALSE(alerts_.watches("gateway"));

  AlertRule changed = inactive;
  changed.active = true;
  ASSERT_TRUE(alerts_.update(changed).ok());
  EXPECT_EQ(ids(alerts_.rules_for("api")), (std::vector<std::int64_t>{both.id, inactive.id}));
  ASSERT_FALSE(alerts_.remove(both.id));
  EXPECT_EQ(ids(alerts_.rules_for("db")), (std::vector<std::int64_t>{db.id}));
  EXPECT_EQ(alerts_.remove(both.id)->code, ErrorCode::kNotFound);
  changed.id = 999;
  EXPECT_EQ(alerts_.update(changed).error().code, ErrorCode::kNotFound);
  rule([](AlertRule& rule) { rule.depends_on = {"gateway"}; });
  EXPECT_TRUE(alerts_.watches("gateway"));
}

TEST_F(AlertServiceTest, ADeletedMonitorLeavesItsRulesAfterRefresh) {
  auto r = rule([](AlertRule& rule) { rule.monitors = {"api", "db"}; });
  ASSERT_FALSE(monitors_.remove("db"));
  alerts_.refresh();
  EXPECT_EQ(alerts_.find(r.id)->monitors, (std::vector<std::string>{"api"}));
}

TEST_F(AlertServiceTest, ReconcileMatchesRulesByDescriptionAndTriggersByName) {
  auto ops = webhook("ops");
  auto pager = webhook("pager");
  auto existing = rule([](AlertRule& rule) { rule.description = "API down"; });

  DeclaredAlertRule down;
  down.rule.monitors = {"api", "db"};
  down.rule.description = "API down";
  down.rule.failure_threshold = 3;
  down.rule.escalation = AlertEscalation{10, {}};
  down.trigger_names = {"ops"};
  down.escalation_triggers = {"pager"};
  DeclaredAlertRule slow;
  slow.rule.monitors = {"api"};
  slow.rule.alert_for = AlertFor::kLatency;
  slow.rule.alert_value = "800";
  slow.rule.description = "API slow";
  DeclaredAlertRule unknown;
  unknown.rule.monitors = {"api"};
  unknown.rule.description = "Broken";
  unknown.trigger_names = {"nobody"};

  auto errors = alerts_.reconcile({down, slow, unknown});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "alert 'Broken': trigger 'nobody' does not exist");
  auto list = alerts_.list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, existing.id);
  EXPECT_EQ(list[0].failure_threshold, 3);
  EXPECT_EQ(list[0].triggers, (std::vector<std::int64_t>{ops.id}));
  EXPECT_EQ(list[0].escalation->triggers, (std::vector<std::int64_t>{pager.id}));
  EXPECT_EQ(list[1].description, "API slow");
  EXPECT_EQ(list[1].alert_value, "800");
}

}  // namespace
}  // namespace vigil::testing
