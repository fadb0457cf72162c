#include "storage/sqlite/sqlite_subscriber_store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_page_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using ::testing::ElementsAre;
using testing::FakeClock;
using ::testing::IsEmpty;
using testing::TempDir;

class SqliteSubscriberStoreTest : public ::testing::Test {
 protected:
  SqliteSubscriberStoreTest() {
    for (const char* tag : {"api", "web"}) {
      MonitorSpec monitor;
      monitor.tag = tag;
      monitor.name = tag;
      EXPECT_TRUE(monitors_.create(monitor).ok());
    }
    PageSpec page;
    page.page_path = "services";
    page.page_title = "Services";
    page.page_header = "Services";
    page.monitors = {"web"};
    auto created = pages_.create(page);
    EXPECT_TRUE(created.ok());
    page_id_ = created->id;
  }

  Subscriber scoped_email() const {
    Subscriber s;
    s.address = "ada@example.com";
    s.confirmed = true;
    s.preferences.everything = false;
    s.preferences.maintenances = false;
    s.preferences.page_ids = {page_id_};
    s.preferences.monitor_tags = {"api"};
    s.token_salt = "salt";
    s.token_hash = "hash-1";
    return s;
  }

  TempDir dir_;
  FakeClock clock_{1'700'000'000'000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqlitePageStore pages_{db_};
  SqliteSubscriberStore store_{db_};
  std::int64_t page_id_ = 0;
};

TEST_F(SqliteSubscriberStoreTest, RoundTripsASubscriberWithItsChoices) {
  Subscriber created = store_.create(scoped_email());
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.created_at, 1'700'000'000);

  auto found = store_.get(created.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->kind, SubscriberKind::kEmail);
  EXPECT_EQ(found->address, "ada@example.com");
  EXPECT_TRUE(found->confirmed);
  EXPECT_TRUE(found->active);
  EXPECT_TRUE(found->preferences.incidents);
  EXPECT_FALSE(found->preferences.maintenances);
  EXPECT_FALSE(found->preferences.everything);
  EXPECT_THAT(found->preferences.page_ids, ElementsAre(page_id_));
  EXPECT_THAT(found->preferences.monitor_tags, ElementsAre("api"));
  EXPECT_EQ(found->token_salt, "salt");

  EXPECT_EQ(store_.find_by_address(SubscriberKind::kEmail, "ada@example.com")->id, created.id);
  EXPECT_FALSE(store_.find_by_address(SubscriberKind::kWebhook, "ada@example.com").has_value());
  EXPECT_EQ(store_.find_by_token_hash("hash-1")->id, created.id);
  EXPECT_FALSE(store_.find_by_token_hash("").has_value());
  EXPECT_FALSE(store_.find_by_token_hash("hash-2").has_value());
}

TEST_F(SqliteSubscriberStoreTest, UpdateReplacesFieldsAndChoices) {
  Subscriber s = store_.create(scoped_email());
  clock_.advance(60'000);
  s.active = false;
  s.preferences.monitor_tags = {"web"};
  s.preferences.page_ids.clear();
  auto updated = store_.update(s);
  ASSERT_TRUE(updated.has_value());
  EXPECT_FALSE(updated->active);
  EXPECT_THAT(updated->preferences.page_ids, IsEmpty());
  EXPECT_THAT(updated->preferences.monitor_tags, ElementsAre("web"));
  EXPECT_EQ(updated->updated_at, 1'700'000'060);

  s.id = 999;
  EXPECT_FALSE(store_.update(s).has_value());
}

TEST_F(SqliteSubscriberStoreTest, DeletingAMonitorOrPageDropsItFromChoices) {
  Subscriber s = store_.create(scoped_email());
  ASSERT_TRUE(monitors_.remove("api"));
  ASSERT_TRUE(pages_.remove(page_id_));
  auto found = store_.get(s.id);
  EXPECT_THAT(found->preferences.monitor_tags, IsEmpty());
  EXPECT_THAT(found->preferences.page_ids, IsEmpty());
}

TEST_F(SqliteSubscriberStoreTest, CodesAreKeptCountedAndRemovedWithTheSubscriber) {
  Subscriber s = store_.create(scoped_email());
  SubscriberCode code;
  code.subscriber_id = s.id;
  code.code_hash = "code-hash";
  code.sent_at = 100;
  code.expires_at = 400;
  code.preferences = scoped_email().preferences;
  store_.put_code(code);

  auto found = store_.code(s.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_hash, "code-hash");
  EXPECT_EQ(found->expires_at, 400);
  EXPECT_EQ(found->preferences, code.preferences);
  EXPECT_EQ(store_.count_failed_attempt(s.id), 1);
  EXPECT_EQ(store_.count_failed_attempt(s.id), 2);
  EXPECT_EQ(store_.code(s.id)->failed_attempts, 2);

  code.code_hash = "other";
  store_.put_code(code);
  EXPECT_EQ(store_.code(s.id)->failed_attempts, 0);
  store_.remove_code(s.id);
  EXPECT_FALSE(store_.code(s.id).has_value());
  EXPECT_EQ(store_.count_failed_attempt(s.id), 0);

  store_.put_code(code);
  EXPECT_TRUE(store_.remove(s.id));
  EXPECT_FALSE(store_.code(s.id).has_value());
  EXPECT_FALSE(store_.get(s.id).has_value());
  EXPECT_FALSE(store_.remove(s.id));
}

TEST_F(SqliteSubscriberStoreTest, ListsOldestFirst) {
  store_.create(scoped_email());
  Subscriber hook;
  hook.kind = SubscriberKind::kWebhook;
  hook.address = "https://hooks.example.com/x";
  hook.confirmed = true;
  hook.token_hash = "hash-2";
  store_.create(hook);
  auto all = store_.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].address, "ada@example.com");
  EXPECT_EQ(all[1].kind, SubscriberKind::kWebhook);
  EXPECT_TRUE(all[1].preferences.everything);
}

}  // namespace
}  // namespace vigil
