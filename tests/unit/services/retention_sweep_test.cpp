// RetentionSweep on real SQLite stores and fake time: finished deliveries leave the log after
// their retention while pending ones stay, alert history after its own, raw results after theirs.
#include "services/retention_sweep.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_alert_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_outbox_store.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Seconds kT = 1'700'000'000;

class RetentionSweepTest : public ::testing::Test {
 protected:
  RetentionSweepTest() {
    MonitorSpec spec;
    spec.tag = "api";
    spec.name = "API";
    monitors_.create(spec);
    AlertRule rule;
    rule.monitors = {"api"};
    rule_id_ = alerts_.create_rule(rule).id;
  }

  //! Queues a delivery now and leaves it in `status`.
  void deliver(const std::string& key, DeliveryStatus status) {
    OutboxMessage m;
    m.idempotency_key = key;
    m.kind = "alert";
    m.channel = "webhook";
    m.next_attempt_at = to_seconds(clock_.now_ms());
    m.status = status;
    ASSERT_TRUE(outbox_.insert(m));
  }

  //! Appends a firing of "api" to the alert history now.
  void fire() {
    AlertState state;
    state.rule_id = rule_id_;
    state.monitor_tag = "api";
    state.triggered_at = state.last_notified_at = to_seconds(clock_.now_ms());
    AlertHistoryEntry change;
    change.rule_id = rule_id_;
    change.monitor_tag = "api";
    change.value = "DOWN";
    change.created_at = state.triggered_at;
    alerts_.save_transition(state, change);
  }

  //! Stores a raw check result of "api" now.
  void check() {
    CheckResult result;
    result.monitor_tag = "api";
    result.status = Status::kUp;
    result.started_ms = clock_.now_ms();
    result.check_id = static_cast<std::uint64_t>(clock_.now_ms());
    results_.write(WriteBatch{{result}, {}});
  }

  std::vector<std::string> log() {
    std::vector<std::string> keys;
    for (const auto& m : outbox_.list({}).messages) keys.push_back(m.idempotency_key);
    return keys;
  }

  void advance_days(int days) { clock_.advance(static_cast<Millis>(days) * kDay * 1000); }

  TempDir dir_;
  FakeClock clock_{kT * 1000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqliteOutboxStore outbox_{db_};
  SqliteAlertStore alerts_{db_};
  SqliteResultStore results_{db_};
  RetentionSweep sweep_{results_, outbox_, alerts_, RetentionPolicy{}, clock_};
  std::int64_t rule_id_ = 0;
};

TEST_F(RetentionSweepTest, DefaultsKeepDeliveriesThirtyDaysAndAlertHistoryAYear) {
  deliver("sent-early", DeliveryStatus::kSent);
  deliver("failed-early", DeliveryStatus::kFailed);
  deliver("pending-early", DeliveryStatus::kPending);
  fire();
  check();
  advance_days(20);
  deliver("sent-later", DeliveryStatus::kSent);
  fire();

  advance_days(9);  // 29 days after the first ones: only the raw result (7 days) is gone
  EXPECT_EQ(sweep_.run(), 1);
  EXPECT_EQ(results_.count_results(), 0);
  EXPECT_EQ(log().size(), 4u);

  advance_days(2);  // 31 days: the finished early deliveries go, the pending one stays
  EXPECT_EQ(sweep_.run(), 2);
  EXPECT_EQ(log(), (std::vector<std::string>{"sent-later", "pending-early"}));
  EXPECT_EQ(alerts_.history(rule_id_, 0, 10).total, 2);

  advance_days(20);
  EXPECT_EQ(sweep_.run(), 1);
  EXPECT_EQ(log(), (std::vector<std::string>{"pending-early"}));

  advance_days(365 - 51 + 1);  // a year and a day after the first firing
  EXPECT_EQ(sweep_.run(), 1);
  auto history = alerts_.history(rule_id_, 0, 10);
  ASSERT_EQ(history.total, 1);
  EXPECT_EQ(history.entries[0].created_at, kT + 20 * kDay);
  EXPECT_EQ(log(), (std::vector<std::string>{"pending-early"}));
}

TEST_F(RetentionSweepTest, ManyExpiredDeliveriesAreAllDeletedInBatches) {
  for (int i = 0; i < 2500; ++i) deliver("sent-" + std::to_string(i), DeliveryStatus::kSent);
  advance_days(31);
  deliver("fresh", DeliveryStatus::kSent);
  EXPECT_EQ(sweep_.run(), 2500);
  EXPECT_EQ(log(), (std::vector<std::string>{"fresh"}));
}

}  // namespace
}  // namespace vigil
