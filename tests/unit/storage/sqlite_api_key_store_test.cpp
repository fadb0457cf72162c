#include "storage/sqlite/sqlite_api_key_store.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "fake_clock.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

ApiKeyRecord key(std::string name, std::string hash, bool active = true) {
  ApiKeyRecord record;
  record.name = std::move(name);
  record.hashed_key = std::move(hash);
  record.masked_key = "vigil_ab12…cd34";
  record.active = active;
  return record;
}

class SqliteApiKeyStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  FakeClock clock_{1'700'000'000'000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteApiKeyStore store_{db_};
};

TEST_F(SqliteApiKeyStoreTest, CreateAssignsIdAndCreationTime) {
  ApiKeyRecord created = store_.create(key("ci", "hash-1"));
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.created_at, 1'700'000'000);
  EXPECT_EQ(created.name, "ci");
}

TEST_F(SqliteApiKeyStoreTest, FindsKeysByHashWhetherActiveOrNot) {
  ApiKeyRecord active = store_.create(key("ci", "hash-1"));
  store_.create(key("old", "hash-2", false));

  auto found = store_.find_by_hash("hash-1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, active.id);
  EXPECT_EQ(found->masked_key, "vigil_ab12…cd34");
  EXPECT_TRUE(found->active);

  auto revoked = store_.find_by_hash("hash-2");
  ASSERT_TRUE(revoked.has_value());
  EXPECT_FALSE(revoked->active);
  EXPECT_FALSE(store_.find_by_hash("hash-3").has_value());
}

TEST_F(SqliteApiKeyStoreTest, ListsKeysOldestFirst) {
  store_.create(key("first", "hash-1"));
  clock_.advance(1000);
  store_.create(key("second", "hash-2"));
  auto keys = store_.list();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].name, "first");
  EXPECT_EQ(keys[1].name, "second");
  EXPECT_EQ(keys[1].created_at, 1'700'000'001);
}

TEST_F(SqliteApiKeyStoreTest, RejectsASecondKeyWithTheSameHash) {
  store_.create(key("ci", "hash-1"));
  EXPECT_THROW(store_.create(key("copy", "hash-1")), std::runtime_error);
  EXPECT_EQ(store_.list().size(), 1u);
}

}  // namespace
}  // namespace vigil
