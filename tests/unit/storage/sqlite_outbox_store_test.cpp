// SqliteOutboxStore: unique keys, due order, recorded attempts, the filtered log.
#include "storage/sqlite/sqlite_outbox_store.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Seconds kT = 1'700'000'000;

class SqliteOutboxStoreTest : public ::testing::Test {
 protected:
  OutboxMessage message(std::string key, Seconds next, std::string kind = "alert",
                        std::optional<std::int64_t> trigger = 1) {
    OutboxMessage m;
    m.idempotency_key = std::move(key);
    m.kind = std::move(kind);
    m.channel = "webhook";
    m.channel_config = R"({"url":"http://x"})";
    m.variables = R"({"alert_id":1})";
    m.trigger_id = trigger;
    m.next_attempt_at = next;
    return m;
  }
  static DeliveryQuery query(std::optional<DeliveryStatus> status, std::optional<std::string> kind,
                             std::optional<std::int64_t> trigger, std::int64_t offset = 0,
                             std::int64_t limit = 20) {
    DeliveryQuery q;
    q.status = status;
    q.kind = std::move(kind);
    q.trigger_id = trigger;
    q.offset = offset;
    q.limit = limit;
    return q;
  }
  std::vector<std::string> keys(const std::vector<OutboxMessage>& messages) {
    std::vector<std::string> out;
    for (const auto& m : messages) out.push_back(m.idempotency_key);
    return out;
  }

  TempDir dir_;
  FakeClock clock_{kT * 1000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteOutboxStore store_{db_};
};

TEST_F(SqliteOutboxStoreTest, InsertedMessageReadsBackAndDuplicateKeyIsRefused) {
  auto stored = store_.insert(message("a", kT));
  ASSERT_TRUE(stored);
  EXPECT_GT(stored->id, 0);
  EXPECT_EQ(stored->created_at, kT);
  EXPECT_FALSE(store_.insert(message("a", kT + 5, "test")));
  auto read = store_.get(stored->id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->idempotency_key, "a");
  EXPECT_EQ(read->kind, "alert");
  EXPECT_EQ(read->channel, "webhook");
  EXPECT_EQ(read->channel_config, R"({"url":"http://x"})");
  EXPECT_EQ(read->variables, R"({"alert_id":1})");
  EXPECT_EQ(read->trigger_id, 1);
  EXPECT_EQ(read->status, DeliveryStatus::kPending);
  EXPECT_EQ(read->attempts, 0);
  EXPECT_EQ(read->next_attempt_at, kT);
  EXPECT_EQ(read->delivered_at, std::nullopt);
  EXPECT_EQ(store_.list({}).total, 1);
  EXPECT_FALSE(store_.get(999));
}

TEST_F(SqliteOutboxStoreTest, DueIsPendingAndDueOldestFirstWithinTheLimit) {
  store_.insert(message("later", kT + 60));
  store_.insert(message("second", kT - 5));
  store_.insert(message("first", kT - 10));
  auto sent = store_.insert(message("sent", kT - 20));
  sent->status = DeliveryStatus::kSent;
  sent->attempts = 1;
  sent->delivered_at = kT;
  store_.record_attempt(*sent);
  EXPECT_EQ(keys(store_.due(kT, 10)), (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(keys(store_.due(kT, 1)), (std::vector<std::string>{"first"}));
  EXPECT_EQ(keys(store_.due(kT + 60, 10)), (std::vector<std::string>{"first", "second", "later"}));
}

TEST_F(SqliteOutboxStoreTest, RecordedAttemptIsKept) {
  auto m = store_.insert(message("a", kT));
  m->attempts = 3;
  m->next_attempt_at = kT + 40;
  m->last_error = "HTTP 503";
  store_.record_attempt(*m);
  auto read = store_.get(m->id);
  EXPECT_EQ(read->attempts, 3);
  EXPECT_EQ(read->next_attempt_at, kT + 40);
  EXPECT_EQ(read->last_error, "HTTP 503");
  EXPECT_TRUE(store_.due(kT, 10).empty());
  m->status = DeliveryStatus::kFailed;
  store_.record_attempt(*m);
  EXPECT_TRUE(store_.due(kT + 100, 10).empty());
  EXPECT_EQ(store_.get(m->id)->status, DeliveryStatus::kFailed);
}

TEST_F(SqliteOutboxStoreTest, LogFiltersAndPagesNewestFirst) {
  store_.insert(message("a1", kT, "alert", 1));
  store_.insert(message("t1", kT, "test", 2));
  store_.insert(message("a2", kT, "alert", 2));
  auto failed = store_.insert(message("s1", kT, "subscriber", std::nullopt));
  failed->status = DeliveryStatus::kFailed;
  store_.record_attempt(*failed);

  auto all = store_.list({});
  EXPECT_EQ(all.total, 4);
  EXPECT_EQ(keys(all.messages), (std::vector<std::string>{"s1", "a2", "t1", "a1"}));
  EXPECT_EQ(keys(store_.list(query({}, "alert", {})).messages),
            (std::vector<std::string>{"a2", "a1"}));
  EXPECT_EQ(keys(store_.list(query({}, {}, 2)).messages), (std::vector<std::string>{"a2", "t1"}));
  EXPECT_EQ(keys(store_.list(query(DeliveryStatus::kFailed, {}, {})).messages),
            (std::vector<std::string>{"s1"}));
  auto page2 = store_.list(query({}, {}, {}, 2, 2));
  EXPECT_EQ(page2.total, 4);
  EXPECT_EQ(keys(page2.messages), (std::vector<std::string>{"t1", "a1"}));
  auto none = store_.list(query(DeliveryStatus::kPending, "subscriber", {}));
  EXPECT_EQ(none.total, 0);
}

TEST_F(SqliteOutboxStoreTest, PruneDeletesOnlyFinishedMessagesCreatedBeforeTheCutoff) {
  auto sent = store_.insert(message("sent", kT));
  sent->status = DeliveryStatus::kSent;
  store_.record_attempt(*sent);
  auto failed = store_.insert(message("failed", kT));
  failed->status = DeliveryStatus::kFailed;
  store_.record_attempt(*failed);
  store_.insert(message("pending", kT));
  clock_.advance(10'000);
  auto newer = store_.insert(message("newer", kT));
  newer->status = DeliveryStatus::kSent;
  store_.record_attempt(*newer);

  EXPECT_EQ(store_.prune(kT), 0);
  EXPECT_EQ(store_.prune(kT + 1), 2);
  EXPECT_EQ(keys(store_.list({}).messages), (std::vector<std::string>{"newer", "pending"}));
  EXPECT_EQ(store_.prune(kT + 3600), 1);
  EXPECT_EQ(keys(store_.list({}).messages), (std::vector<std::string>{"pending"}));
}

}  // namespace
}  // namespace vigil
