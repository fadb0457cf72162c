// SqliteTriggerStore: round trip, update, and the rules that use a trigger.
#include "storage/sqlite/sqlite_trigger_store.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_alert_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Seconds kT = 1'700'000'000;

class SqliteTriggerStoreTest : public ::testing::Test {
 protected:
  Trigger trigger(std::string name, std::string type = "webhook") {
    Trigger t;
    t.name = std::move(name);
    t.trigger_type = std::move(type);
    t.trigger_desc = "desc";
    t.trigger_meta = R"({"url":"http://127.0.0.1:9/x"})";
    return store_.create(t);
  }

  TempDir dir_;
  FakeClock clock_{kT * 1000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteTriggerStore store_{db_};
};

TEST_F(SqliteTriggerStoreTest, RoundTripsAndUpdates) {
  auto a = trigger("a");
  auto b = trigger("b", "slack");
  EXPECT_GT(b.id, a.id);
  EXPECT_EQ(a.created_at, kT);

  clock_.advance(60'000);
  b.active = false;
  b.name = "b2";
  b.trigger_meta = R"({"url":"https://hooks.slack.example/y"})";
  auto updated = store_.update(b);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->created_at, kT);
  EXPECT_EQ(updated->updated_at, kT + 60);

  auto all = store_.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "a");
  EXPECT_EQ(all[0].trigger_desc, "desc");
  EXPECT_TRUE(all[0].active);
  EXPECT_EQ(all[1].name, "b2");
  EXPECT_EQ(all[1].trigger_type, "slack");
  EXPECT_FALSE(all[1].active);
  EXPECT_EQ(all[1].trigger_meta, R"({"url":"https://hooks.slack.example/y"})");

  b.id = 999;
  EXPECT_FALSE(store_.update(b));
  EXPECT_TRUE(store_.remove(a.id));
  EXPECT_FALSE(store_.remove(a.id));
  EXPECT_EQ(store_.list().size(), 1u);
}

TEST_F(SqliteTriggerStoreTest, KnowsTheRulesUsingATriggerAndRefusesToDeleteIt) {
  SqliteMonitorStore monitors(db_);
  MonitorSpec spec;
  spec.tag = "api";
  spec.name = "api";
  ASSERT_TRUE(monitors.create(spec).ok());
  auto notify = trigger("notify");
  auto escalate = trigger("escalate");
  auto unused = trigger("unused");
  SqliteAlertStore alerts(db_);
  AlertRule rule;
  rule.monitors = {"api"};
  rule.triggers = {notify.id};
  rule.escalation = AlertEscalation{5, {escalate.id, notify.id}};
  auto stored = alerts.create_rule(rule);

  EXPECT_EQ(store_.rules_using(notify.id), (std::vector<std::int64_t>{stored.id}));
  EXPECT_EQ(store_.rules_using(escalate.id), (std::vector<std::int64_t>{stored.id}));
  EXPECT_TRUE(store_.rules_using(unused.id).empty());
  EXPECT_THROW(store_.remove(notify.id), std::runtime_error);
  EXPECT_TRUE(alerts.remove_rule(stored.id));
  EXPECT_TRUE(store_.remove(notify.id));
}

}  // namespace
}  // namespace vigil
