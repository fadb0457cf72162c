// The `triggers:` and `alerts:` sections: what they read into and how their mistakes are
// reported, each with its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

VigilConfig loaded(std::string_view yaml) {
  auto result = load_yaml(yaml);
  for (const ConfigError& error : errors_of(result)) ADD_FAILURE() << error.to_string();
  return std::holds_alternative<VigilConfig>(result) ? std::get<VigilConfig>(result)
                                                     : VigilConfig{};
}

TEST(AlertingConfig, ReadsTriggersAndAlertsWithTheirDefaults) {
  const VigilConfig config = loaded(R"(
triggers:
  - name: ops
    type: webhook
    description: Ops webhook
    status: inactive
    meta:
      url: $OPS_HOOK
      headers: [{key: X-Token, value: $OPS_TOKEN}]
  - name: pager
    type: pagerduty
alerts:
  - description: API down
    monitors: [api, web]
    for: status
    value: down
    failure_threshold: 3
    success_threshold: 2
    severity: critical
    create_incident: YES
    triggers: [ops]
    reminder_minutes: 30
    escalation: {after_minutes: 15, triggers: [pager]}
    depends_on: [gateway]
  - description: API slow
    monitors: [api]
    for: LATENCY
    value: 800
    active: false
)");
  ASSERT_EQ(config.triggers.size(), 2u);
  const Trigger& ops = config.triggers[0];
  EXPECT_EQ(ops.name, "ops");
  EXPECT_EQ(ops.trigger_type, "webhook");
  EXPECT_EQ(ops.trigger_desc, "Ops webhook");
  EXPECT_FALSE(ops.active);
  EXPECT_EQ(ops.trigger_meta,
            R"({"url":"$OPS_HOOK","headers":[{"key":"X-Token","value":"$OPS_TOKEN"}]})");
  EXPECT_TRUE(config.triggers[1].active);
  EXPECT_EQ(config.triggers[1].trigger_meta, "{}");

  ASSERT_EQ(config.alerts.size(), 2u);
  const DeclaredAlertRule& down = config.alerts[0];
  EXPECT_EQ(down.rule.description, "API down");
  EXPECT_EQ(down.rule.monitors, (std::vector<std::string>{"api", "web"}));
  EXPECT_EQ(down.rule.alert_for, AlertFor::kStatus);
  EXPECT_EQ(down.rule.alert_value, "DOWN");
  EXPECT_EQ(down.rule.failure_threshold, 3);
  EXPECT_EQ(down.rule.success_threshold, 2);
  EXPECT_EQ(down.rule.severity, AlertSeverity::kCritical);
  EXPECT_TRUE(down.rule.create_incident);
  EXPECT_TRUE(down.rule.active);
  EXPECT_EQ(down.rule.reminder_minutes, 30);
  ASSERT_TRUE(down.rule.escalation);
  EXPECT_EQ(down.rule.escalation->after_minutes, 15);
  EXPECT_THAT(down.rule.escalation->triggers, IsEmpty());
  EXPECT_THAT(down.trigger_names, ElementsAre("ops"));
  EXPECT_THAT(down.escalation_triggers, ElementsAre("pager"));
  EXPECT_THAT(down.rule.depends_on, ElementsAre("gateway"));

  const DeclaredAlertRule& slow = config.alerts[1];
  EXPECT_EQ(slow.rule.alert_for, AlertFor::kLatency);
  EXPECT_EQ(slow.rule.alert_value, "800");
  EXPECT_EQ(slow.rule.failure_threshold, 1);
  EXPECT_EQ(slow.rule.severity, AlertSeverity::kWarning);
  EXPECT_FALSE(slow.rule.active);
  EXPECT_FALSE(slow.rule.create_incident);
  EXPECT_FALSE(slow.rule.escalation);
}

TEST(AlertingConfig, ReportsEveryMistakeWithItsLine) {
  auto errors = errors_of(load_yaml(R"(
triggers:
  - name: ops
    type: carrier-pigeon
  - name: ops
    type: webhook
    meta: [1]
    colour: red
alerts:
  - description: API down
    monitors: [api]
    for: STATUS
    value: UP
    triggers: [nobody]
  - description: API down
    monitors: api
    for: VIBES
    value: 1
    failure_threshold: 0
    escalation: {after_minutes: 5}
  - monitors: [api]
    for: UPTIME
    value: 120
)"));
  EXPECT_THAT(errors,
              UnorderedElementsAre(
                  ErrorAt(3, "type: must be one of webhook"),
                  ErrorAt(4, "duplicate trigger 'ops' (first declared on line 2)"),
                  ErrorAt(6, "meta: expected a mapping"), ErrorAt(7, "unknown key 'colour'"),
                  ErrorAt(12, "value: must be DOWN or DEGRADED"),
                  ErrorAt(13, "triggers: unknown trigger 'nobody'"),
                  ErrorAt(14, "duplicate alert 'API down' (first declared on line 9)"),
                  ErrorAt(15, "monitors: expected a list"), ErrorAt(16, "for: expected one of"),
                  ErrorAt(18, "failure_threshold: must be between 1 and 1000"),
                  ErrorAt(19, "escalation: needs after_minutes and triggers"),
                  ErrorAt(20, "description: is required"),
                  ErrorAt(22, "value: must be an uptime percentage")));
}

}  // namespace
}  // namespace vigil::testing
