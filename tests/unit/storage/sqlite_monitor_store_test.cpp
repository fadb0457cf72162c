#include "storage/sqlite/sqlite_monitor_store.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Millis kStartMs = 1'700'000'000'000;

MonitorSpec full_spec(std::string tag) {
  MonitorSpec spec;
  spec.tag = std::move(tag);
  spec.name = "Checkout API";
  spec.description = "Payments";
  spec.image = "https://example.com/logo.png";
  spec.category_name = "Home";
  spec.monitor_type = "API";
  spec.type_data = R"({"url":"https://example.com","method":"GET"})";
  spec.interval_seconds = 30;
  spec.default_status = Status::kDegraded;
  spec.active = false;
  spec.hidden = true;
  spec.confirmation_threshold = 3;
  spec.include_degraded_in_downtime = "YES";
  spec.monitor_settings_json = R"({"uptime_formula":"up/total"})";
  spec.external_url = "https://status.example.com";
  return spec;
}

class SqliteMonitorStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  FakeClock clock_{kStartMs};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore store_{db_};
};

void expect_same_fields(const MonitorSpec& got, const MonitorSpec& want) {
  EXPECT_EQ(got.tag, want.tag);
  EXPECT_EQ(got.name, want.name);
  EXPECT_EQ(got.description, want.description);
  EXPECT_EQ(got.image, want.image);
  EXPECT_EQ(got.category_name, want.category_name);
  EXPECT_EQ(got.monitor_type, want.monitor_type);
  EXPECT_EQ(got.type_data, want.type_data);
  EXPECT_EQ(got.cron, want.cron);
  EXPECT_EQ(got.interval_seconds, want.interval_seconds);
  EXPECT_EQ(got.default_status, want.default_status);
  EXPECT_EQ(got.active, want.active);
  EXPECT_EQ(got.hidden, want.hidden);
  EXPECT_EQ(got.confirmation_threshold, want.confirmation_threshold);
  EXPECT_EQ(got.include_degraded_in_downtime, want.include_degraded_in_downtime);
  EXPECT_EQ(got.monitor_settings_json, want.monitor_settings_json);
  EXPECT_EQ(got.external_url, want.external_url);
}

TEST_F(SqliteMonitorStoreTest, CreatedMonitorReadsBackWithEveryField) {
  MonitorSpec spec = full_spec("checkout");
  auto created = store_.create(spec);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->created_at, kStartMs / 1000);
  EXPECT_EQ(created->updated_at, kStartMs / 1000);

  auto stored = store_.get("checkout");
  ASSERT_TRUE(stored.has_value());
  expect_same_fields(*stored, spec);
  EXPECT_EQ(stored->created_at, kStartMs / 1000);
  EXPECT_FALSE(store_.get("missing").has_value());
}

TEST_F(SqliteMonitorStoreTest, UnsetOptionalFieldsStayUnset) {
  MonitorSpec spec;
  spec.tag = "plain";
  spec.name = "Plain";
  spec.cron = "* * * * *";
  ASSERT_TRUE(store_.create(spec).ok());
  auto stored = store_.get("plain");
  ASSERT_TRUE(stored.has_value());
  expect_same_fields(*stored, spec);
}

TEST_F(SqliteMonitorStoreTest, StoresKenersSpellingOfStatusAndHidden) {
  ASSERT_TRUE(store_.create(full_spec("checkout")).ok());
  std::string status;
  std::string hidden;
  db_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT status, is_hidden FROM monitors WHERE tag = 'checkout'");
    ASSERT_TRUE(stmt.step());
    status = stmt.column_text(0);
    hidden = stmt.column_text(1);
  });
  EXPECT_EQ(status, "INACTIVE");
  EXPECT_EQ(hidden, "YES");
}

TEST_F(SqliteMonitorStoreTest, ListIsOrderedByTag) {
  for (const char* tag : {"zeta", "alpha", "mid"}) ASSERT_TRUE(store_.create(full_spec(tag)).ok());
  auto all = store_.list();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].tag, "alpha");
  EXPECT_EQ(all[1].tag, "mid");
  EXPECT_EQ(all[2].tag, "zeta");
}

TEST_F(SqliteMonitorStoreTest, CreatingAnExistingTagIsAConflictAndChangesNothing) {
  ASSERT_TRUE(store_.create(full_spec("checkout")).ok());
  MonitorSpec other = full_spec("checkout");
  other.name = "Impostor";
  auto again = store_.create(other);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_.get("checkout")->name, "Checkout API");
}

TEST_F(SqliteMonitorStoreTest, UpdateReplacesFieldsAndKeepsCreationTime) {
  ASSERT_TRUE(store_.create(full_spec("checkout")).ok());
  clock_.advance(60'000);
  MonitorSpec changed = full_spec("checkout");
  changed.name = "Checkout v2";
  changed.interval_seconds.reset();
  changed.cron = "*/5 * * * *";
  changed.default_status.reset();
  changed.external_url.reset();
  changed.active = true;
  changed.hidden = false;

  auto updated = store_.update(changed);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->created_at, kStartMs / 1000);
  EXPECT_EQ(updated->updated_at, kStartMs / 1000 + 60);
  auto stored = store_.get("checkout");
  ASSERT_TRUE(stored.has_value());
  expect_same_fields(*stored, changed);
  EXPECT_EQ(stored->updated_at, kStartMs / 1000 + 60);
}

TEST_F(SqliteMonitorStoreTest, UpdatingAMissingMonitorIsNotFound) {
  auto updated = store_.update(full_spec("ghost"));
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_.list().empty());
}

TEST_F(SqliteMonitorStoreTest, RemoveDeletesTheMonitorWithItsResultsAndRollups) {
  SqliteResultStore results(db_);
  WriteBatch batch;
  for (const char* tag : {"gone", "kept"}) {
    ASSERT_TRUE(store_.create(full_spec(tag)).ok());
    CheckResult result;
    result.monitor_tag = tag;
    result.check_id = 1;
    result.started_ms = kStartMs;
    result.status = Status::kUp;
    batch.results.push_back(result);
    for (Granularity g : {Granularity::kMinute, Granularity::kHour, Granularity::kDay}) {
      BucketWrite write;
      write.monitor_tag = tag;
      write.granularity = g;
      write.bucket.start = kStartMs / 1000;
      write.bucket.counts.up = 1;
      batch.buckets.push_back(write);
    }
  }
  results.write(batch);

  EXPECT_TRUE(store_.remove("gone"));
  EXPECT_FALSE(store_.get("gone").has_value());
  EXPECT_TRUE(results.read_results("gone", 0, std::numeric_limits<Millis>::max(), 10).empty());
  EXPECT_EQ(results.count_results(), 1);
  for (Granularity g : {Granularity::kMinute, Granularity::kHour, Granularity::kDay}) {
    auto sums = results.sum_buckets(g, 0, kStartMs);
    EXPECT_EQ(sums.count("gone"), 0u);
    EXPECT_EQ(sums.count("kept"), 1u);
  }
  EXPECT_TRUE(store_.get("kept").has_value());
  EXPECT_FALSE(store_.remove("gone"));
}

}  // namespace
}  // namespace vigil
