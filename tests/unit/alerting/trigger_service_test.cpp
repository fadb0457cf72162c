// TriggerService: validation (through the notifier), unique names, deletion while in use, the
// test send and config reconciliation, on a real SQLite store.
#include "alerting/trigger_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "alerting_harness.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;

class TriggerServiceTest : public AlertingHarness {};

TEST_F(TriggerServiceTest, CreatesAndReloadsTriggers) {
  Trigger trigger;
  trigger.name = "  ops  ";
  trigger.trigger_type = "slack";
  trigger.trigger_desc = "the ops channel";
  trigger.trigger_meta = R"({ "url" : "$SLACK_URL" })";
  auto created = triggers_.create(trigger);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->name, "ops");
  EXPECT_EQ(created->trigger_meta, R"({"url":"$SLACK_URL"})");
  EXPECT_EQ(created->created_at, kStart);

  TriggerService reloaded(trigger_store_, port_, site_, clock_);
  reloaded.load();
  auto found = reloaded.find_by_name("ops");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created->id);
  EXPECT_EQ(found->trigger_desc, "the ops channel");
  EXPECT_TRUE(found->active);
}

TEST_F(TriggerServiceTest, RejectsBadTriggers) {
  Trigger trigger;
  trigger.name = " ";
  trigger.trigger_type = "carrier-pigeon";
  auto bad = triggers_.create(trigger);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  EXPECT_THAT(bad.error().message, HasSubstr("name: must not be empty"));
  EXPECT_THAT(bad.error().message, HasSubstr("trigger_type: must be one of webhook, slack"));

  trigger.name = "hook";
  trigger.trigger_type = "webhook";
  trigger.trigger_meta = "[1]";
  EXPECT_THAT(triggers_.create(trigger).error().message,
              HasSubstr("trigger_meta: must be a JSON object"));
  trigger.trigger_meta = R"({"headers":[]})";
  EXPECT_THAT(triggers_.create(trigger).error().message,
              HasSubstr("trigger_meta.url: is required"));
}

TEST_F(TriggerServiceTest, NamesAreUniqueAndUpdatesKeepTheirId) {
  auto a = webhook("a");
  auto b = webhook("b");
  Trigger copy = b;
  copy.trigger_type = "webhook";
  copy.id = 0;
  EXPECT_EQ(triggers_.create(copy).error().code, ErrorCode::kConflict);
  b.name = "a";
  EXPECT_EQ(triggers_.update(b).error().code, ErrorCode::kConflict);
  b.name = "b2";
  b.active = false;
  auto updated = triggers_.update(b);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(triggers_.find(b.id)->name, "b2");
  EXPECT_FALSE(triggers_.find(b.id)->active);
  b.id = 999;
  EXPECT_EQ(triggers_.update(b).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(triggers_.list().size(), 2u);
  EXPECT_EQ(triggers_.list().front().id, a.id);
}

TEST_F(TriggerServiceTest, ATriggerInUseCannotBeDeleted) {
  auto used = webhook("used");
  auto escalation = webhook("escalation");
  auto free = webhook("free");
  auto r = rule([&](AlertRule& rule) {
    rule.triggers = {used.id};
    rule.escalation = AlertEscalation{5, {escalation.id}};
  });
  auto error = triggers_.remove(used.id);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kConflict);
  EXPECT_THAT(error->message, HasSubstr("used by alert rules " + std::to_string(r.id)));
  EXPECT_EQ(triggers_.remove(escalation.id)->code, ErrorCode::kConflict);
  EXPECT_FALSE(triggers_.remove(free.id));
  EXPECT_FALSE(triggers_.find(free.id));
  EXPECT_EQ(triggers_.remove(free.id)->code, ErrorCode::kNotFound);
  ASSERT_FALSE(alerts_.remove(r.id));
  EXPECT_FALSE(triggers_.remove(used.id));
}

TEST_F(TriggerServiceTest, SendTestSendsASampleAlertAtOnce) {
  auto hook = webhook("hook");
  port_.outcome = DeliveryOutcome{false, "connection refused"};
  auto outcome = triggers_.send_test(hook.id);
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome->delivered);
  EXPECT_EQ(outcome->error, "connection refused");
  ASSERT_EQ(port_.sent_now().size(), 1u);
  const OutboxMessage sent = port_.sent_now()[0];
  EXPECT_EQ(sent.kind, "test");
  EXPECT_EQ(sent.channel, "webhook");
  EXPECT_EQ(sent.trigger_id, hook.id);
  auto v = boost::json::parse(sent.variables).as_object();
  EXPECT_EQ(v["alert_name"], "Test alert from Vigil");
  EXPECT_EQ(v["alert_status"], "TRIGGERED");
  EXPECT_EQ(v["monitor_tag"], "test-monitor");
  EXPECT_TRUE(port_.queued().empty());
  EXPECT_EQ(triggers_.send_test(hook.id + 100).error().code, ErrorCode::kNotFound);
}

TEST_F(TriggerServiceTest, ReconcileCreatesOrUpdatesByName) {
  auto existing = webhook("ops");
  Trigger ops;
  ops.name = "ops";
  ops.trigger_type = "discord";
  ops.trigger_meta = R"({"url":"https://discord.example/x"})";
  Trigger pager;
  pager.name = "pager";
  pager.trigger_type = "pagerduty";
  pager.active = false;
  Trigger broken;
  broken.name = "broken";
  broken.trigger_type = "webhook";
  auto errors = triggers_.reconcile({ops, pager, broken});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("trigger 'broken': trigger_meta.url: is required"));
  EXPECT_EQ(triggers_.find_by_name("ops")->id, existing.id);
  EXPECT_EQ(triggers_.find_by_name("ops")->trigger_type, "discord");
  EXPECT_FALSE(triggers_.find_by_name("pager")->active);
  EXPECT_EQ(triggers_.list().size(), 2u);
}

}  // namespace
}  // namespace vigil::testing
