// AlertEngine with real SQLite stores, the real IncidentService and a recording notifier:
// thresholds, flapping, restarts, maintenance, dependencies, auto-incidents, reminders,
// escalation, acknowledgement and re-evaluation from stored rows.
#include "alerting/alert_engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "alerting_harness.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using enum Status;

class AlertEngineTest : public AlertingHarness {
 protected:
  AlertEngineTest() {
    ops_ = webhook("ops");
    muted_ = webhook("muted", false);
    pager_ = webhook("pager");
  }

  //! A started engine after load().
  std::unique_ptr<AlertEngine> started() {
    auto engine = make_engine();
    engine->load();
    engine->start();
    return engine;
  }

  std::string ops() const { return std::to_string(ops_.id); }
  std::string pager() const { return std::to_string(pager_.id); }

  Trigger ops_, muted_, pager_;
};

TEST_F(AlertEngineTest, FiresAndResolvesByThresholdsThroughEveryActiveTrigger) {
  auto r = rule([&](AlertRule& rule) {
    rule.failure_threshold = 2;
    rule.success_threshold = 2;
    rule.severity = AlertSeverity::kCritical;
    rule.triggers = {ops_.id, muted_.id};
  });
  auto engine = started();
  feed(*engine, "api", {kDown});
  EXPECT_TRUE(port_.queued().empty());
  feed(*engine, "api", {kDown, kDown, kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops()));
  feed(*engine, "api", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops(), "RESOLVED/api/" + ops()));

  const OutboxMessage fired = port_.queued().front();
  EXPECT_EQ(fired.kind, "alert");
  EXPECT_EQ(fired.channel, "webhook");
  EXPECT_EQ(fired.channel_config, ops_.trigger_meta);
  EXPECT_EQ(fired.trigger_id, ops_.id);
  EXPECT_EQ(fired.idempotency_key, "alert:" + std::to_string(r.id) + ":api:1:triggered:" + ops());
  auto v = json::parse(fired.variables).as_object();
  EXPECT_EQ(v["alert_for"], "STATUS");
  EXPECT_EQ(v["alert_value"], "DOWN");
  EXPECT_EQ(v["alert_severity"], "CRITICAL");
  EXPECT_EQ(v["alert_status"], "TRIGGERED");
  EXPECT_EQ(v["is_triggered"], true);
  EXPECT_EQ(v["is_resolved"], false);
  EXPECT_EQ(v["monitor_name"], "api service");
  EXPECT_EQ(v["alert_cta_url"], "/monitors/api");
  EXPECT_EQ(v["alert_failure_threshold"], 2);
  EXPECT_EQ(v["alert_timestamp"], kStart + kMinute);
  EXPECT_EQ(v["site_name"], "Vigil");
  EXPECT_EQ(v["colors_down"], "#ca3038");
  EXPECT_THAT(std::string(v["alert_message"].as_string()), HasSubstr("api service is DOWN"));
  auto resolved = json::parse(port_.queued().back().variables).as_object();
  EXPECT_EQ(resolved["is_resolved"], true);
  EXPECT_EQ(resolved["alert_message"], "api service recovered after 3 min");

  auto states = engine->states(r.id);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].monitor_tag, "api");
  EXPECT_EQ(states[0].status, AlertStatus::kResolved);
  EXPECT_EQ(states[0].triggered_at, kStart + kMinute);
  EXPECT_EQ(states[0].resolved_at, kStart + 4 * kMinute);
  EXPECT_EQ(v["alert_id"], states[0].id);

  auto history = engine->history(r.id, 0, 10);
  ASSERT_EQ(history.total, 2);
  ASSERT_EQ(history.entries.size(), 2u);
  const AlertHistoryEntry& resolution = history.entries[0];  // newest first
  EXPECT_EQ(resolution.monitor_tag, "api");
  EXPECT_EQ(resolution.from_status, AlertStatus::kTriggered);
  EXPECT_EQ(resolution.to_status, AlertStatus::kResolved);
  EXPECT_EQ(resolution.value, "UP");
  EXPECT_EQ(resolution.created_at, kStart + 4 * kMinute);
  const AlertHistoryEntry& firing = history.entries[1];
  EXPECT_EQ(firing.rule_id, r.id);
  EXPECT_EQ(firing.from_status, std::nullopt);
  EXPECT_EQ(firing.to_status, AlertStatus::kTriggered);
  EXPECT_EQ(firing.value, "DOWN");
  EXPECT_EQ(firing.created_at, kStart + kMinute);
  EXPECT_EQ(firing.acknowledged_at, std::nullopt);
}

TEST_F(AlertEngineTest, AFlappingMonitorPagesOnce) {
  rule([&](AlertRule& rule) {
    rule.failure_threshold = 3;
    rule.success_threshold = 3;
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  feed(*engine, "api",
       {kDown, kUp, kDown, kDown, kUp, kDown, kDown, kDown, kUp, kDown, kUp, kDown, kUp, kDown});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops()));
}

TEST_F(AlertEngineTest, EachMonitorOfARuleFiresOnItsOwn) {
  rule([&](AlertRule& rule) {
    rule.monitors = {"api", "db"};
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  feed(*engine, "db", {kDown});
  feed(*engine, "api", {kUp, kDown});
  feed(*engine, "db", {kDown, kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/db/" + ops(), "TRIGGERED/api/" + ops(),
                                            "RESOLVED/db/" + ops()));
}

TEST_F(AlertEngineTest, ARestartWhileFiringDoesNotResendAndStillResolves) {
  auto r = rule([&](AlertRule& rule) {
    rule.success_threshold = 2;
    rule.triggers = {ops_.id};
  });
  {
    auto engine = started();
    feed(*engine, "api", {kDown, kDown});
  }
  ASSERT_EQ(port_.queued().size(), 1u);
  auto engine = started();
  feed(*engine, "api", {kDown, kUp});
  EXPECT_EQ(port_.queued().size(), 1u);
  feed(*engine, "api", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops(), "RESOLVED/api/" + ops()));
  EXPECT_EQ(engine->states(r.id).at(0).sequence, 2);
}

TEST_F(AlertEngineTest, ATransitionStoredButNotQueuedIsQueuedOnceAtTheNextStart) {
  auto r = rule([&](AlertRule& rule) { rule.triggers = {ops_.id}; });
  AlertState crashed;
  crashed.rule_id = r.id;
  crashed.monitor_tag = "api";
  crashed.status = AlertStatus::kTriggered;
  crashed.triggered_at = crashed.last_notified_at = kStart - kMinute;
  crashed.sequence = 1;
  crashed.notified_sequence = 0;
  alert_store_.save_state(crashed);

  make_engine()->load();
  alert_store_.save_state(crashed);  // as if that start crashed too, after queueing
  make_engine()->load();
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops()));
  EXPECT_EQ(alert_store_.states(r.id).at(0).notified_sequence, 1);
}

TEST_F(AlertEngineTest, MaintenanceMutesFiringButNotResolution) {
  rule([&](AlertRule& rule) { rule.triggers = {ops_.id}; });
  auto engine = started();
  maintenance_.insert("api");
  feed(*engine, "api", {kDown, kDown});
  EXPECT_TRUE(port_.queued().empty());
  maintenance_.clear();
  feed(*engine, "api", {kDown});
  maintenance_.insert("api");
  feed(*engine, "api", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops(), "RESOLVED/api/" + ops()));
}

TEST_F(AlertEngineTest, ADependencyHoldsFiringWhileItIsDownButNeverAResolution) {
  rule([&](AlertRule& rule) {
    rule.monitors = {"api", "gateway"};
    rule.depends_on = {"gateway"};
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  feed(*engine, "gateway", {kDown});
  feed(*engine, "api", {kDown, kDown});
  // The parent's own alert is not held by itself; the child's waits.
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/gateway/" + ops()));
  feed(*engine, "gateway", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/gateway/" + ops(),
                                            "RESOLVED/gateway/" + ops(), "TRIGGERED/api/" + ops()));
  port_.clear();
  feed(*engine, "gateway", {kDown});
  feed(*engine, "api", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/gateway/" + ops(), "RESOLVED/api/" + ops()));
}

TEST_F(AlertEngineTest, AChildThatRecoversWhileHeldNeverFires) {
  rule([&](AlertRule& rule) {
    rule.depends_on = {"gateway"};
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  feed(*engine, "gateway", {kDown});
  feed(*engine, "api", {kDown, kUp});
  feed(*engine, "gateway", {kUp});
  EXPECT_TRUE(port_.queued().empty());
}

TEST_F(AlertEngineTest, CreateIncidentOpensAnAlertIncidentAndResolvesIt) {
  auto r = rule([&](AlertRule& rule) {
    rule.create_incident = true;
    rule.severity = AlertSeverity::kCritical;
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  feed(*engine, "api", {kDown});
  auto state = engine->states(r.id).at(0);
  ASSERT_TRUE(state.incident_id);
  auto incident = incidents_.find(*state.incident_id);
  ASSERT_TRUE(incident);
  EXPECT_EQ(incident->title, "api service STATUS: DOWN");
  EXPECT_EQ(incident->source, IncidentSource::kAlert);
  EXPECT_EQ(incident->state, IncidentState::kInvestigating);
  ASSERT_EQ(incident->monitors.size(), 1u);
  EXPECT_EQ(incident->monitors[0].impact, kDown);
  auto comments = incidents_.comments(incident->id).value();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_THAT(comments[0].comment, HasSubstr("| Severity | CRITICAL |"));
  auto v = json::parse(port_.queued().at(0).variables).as_object();
  EXPECT_EQ(v["alert_incident_id"], *state.incident_id);
  EXPECT_EQ(v["alert_incident_url"].as_string(),
            "/incidents/" + std::to_string(*state.incident_id));

  clock_.advance(4 * kMinute * 1000);
  feed(*engine, "api", {kUp});
  incident = incidents_.find(*state.incident_id);
  EXPECT_EQ(incident->state, IncidentState::kResolved);
  EXPECT_TRUE(incident->end_date_time);
  comments = incidents_.comments(incident->id).value();
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_THAT(comments[0].comment, HasSubstr("recovered after 5 min"));
  auto history = engine->history(r.id, 0, 10).entries;
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].incident_id, state.incident_id);
  EXPECT_EQ(history[1].incident_id, state.incident_id);
}

TEST_F(AlertEngineTest, RemindersAndEscalationFollowTheClockUntilAcknowledged) {
  auto r = rule([&](AlertRule& rule) {
    rule.triggers = {ops_.id};
    rule.reminder_minutes = 10;
    rule.escalation = AlertEscalation{5, {pager_.id}};
  });
  auto engine = started();
  feed(*engine, "api", {kDown});  // fired at kStart, the clock is now one minute later
  engine->tick();
  EXPECT_EQ(port_.queued().size(), 1u);
  clock_.advance(4 * kMinute * 1000);
  engine->tick();
  clock_.advance(5 * kMinute * 1000);
  engine->tick();
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops(), "ESCALATED/api/" + pager(),
                                            "REMINDER/api/" + ops()));
  auto acknowledged = engine->acknowledge(r.id, "api", "alice");
  ASSERT_TRUE(acknowledged.ok()) << acknowledged.error().message;
  EXPECT_EQ(acknowledged->acknowledged_at, kStart + 10 * kMinute);
  clock_.advance(30 * kMinute * 1000);
  engine->tick();
  EXPECT_EQ(port_.queued().size(), 3u);
  feed(*engine, "api", {kUp});
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops(), "ESCALATED/api/" + pager(),
                                            "REMINDER/api/" + ops(), "RESOLVED/api/" + ops(),
                                            "RESOLVED/api/" + pager()));
  EXPECT_TRUE(engine->states(r.id).at(0).escalated);
  EXPECT_EQ(engine->states(r.id).at(0).acknowledged_by, "alice");

  auto history = engine->history(r.id, 0, 10).entries;  // reminders and escalations are not in it
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].to_status, AlertStatus::kResolved);
  EXPECT_EQ(history[0].acknowledged_by, "alice");
  EXPECT_EQ(history[0].acknowledged_at, kStart + 10 * kMinute);
  EXPECT_EQ(history[1].to_status, AlertStatus::kTriggered);
  EXPECT_EQ(history[1].acknowledged_by, "");
}

TEST_F(AlertEngineTest, AcknowledgingNeedsAFiringAlert) {
  auto r = rule([&](AlertRule& rule) { rule.triggers = {ops_.id}; });
  auto engine = started();
  EXPECT_EQ(engine->acknowledge(r.id, "api", "alice").error().code, ErrorCode::kNotFound);
  feed(*engine, "api", {kDown, kUp});
  EXPECT_EQ(engine->acknowledge(r.id, "api", "alice").error().code, ErrorCode::kConflict);
}

TEST_F(AlertEngineTest, ReevaluateRebuildsTheWindowFromStoredRows) {
  rule([&](AlertRule& rule) {
    rule.alert_for = AlertFor::kLatency;
    rule.alert_value = "500";
    rule.failure_threshold = 2;
    rule.triggers = {ops_.id};
  });
  for (double latency : {100.0, 900.0, 800.0}) {
    Bucket row;
    row.add(kUp, latency, "MANUAL", "");
    recent_["api"].push_back(row);
  }
  auto engine = started();
  engine->reevaluate("api");
  engine->wait_idle();
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops()));
}

TEST_F(AlertEngineTest, SamplesFromManyProbeThreadsFireOncePerMonitor) {
  rule([&](AlertRule& rule) {
    rule.monitors = {"api", "db", "gateway"};
    rule.failure_threshold = 3;
    rule.triggers = {ops_.id};
  });
  auto engine = started();
  std::vector<std::thread> probes;
  for (const char* tag : {"api", "db", "gateway"}) {
    probes.emplace_back([&, tag] {
      for (int i = 0; i < 200; ++i) engine->observe(sample(tag, kDown));
    });
  }
  for (auto& probe : probes) probe.join();
  engine->wait_idle();
  EXPECT_THAT(queued_summary(),
              ::testing::UnorderedElementsAre("TRIGGERED/api/" + ops(), "TRIGGERED/db/" + ops(),
                                              "TRIGGERED/gateway/" + ops()));
  EXPECT_EQ(engine->dropped(), 0u);
}

TEST_F(AlertEngineTest, AFullQueueDropsAndCountsSamples) {
  rule([&](AlertRule& rule) { rule.triggers = {ops_.id}; });
  AlertEngine engine(AlertEngine::Parts{alert_store_, alerts_, triggers_, incidents_, monitors_,
                                        site_, port_, clock_, nullptr, nullptr},
                     1);
  engine.observe(sample("api", kDown));
  engine.observe(sample("api", kUp));
  EXPECT_EQ(engine.dropped(), 1u);
  engine.start();
  engine.wait_idle();
  EXPECT_THAT(queued_summary(), ElementsAre("TRIGGERED/api/" + ops()));
}

}  // namespace
}  // namespace vigil::testing
