#include "storage/sqlite/sqlite_result_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::TempDir;

constexpr Seconds kT0 = 1'700'000'040;
constexpr Millis kAll = std::numeric_limits<Millis>::max();

CheckResult result(std::string tag, Millis started_ms, double latency_ms = 12.5) {
  CheckResult r;
  r.monitor_tag = std::move(tag);
  r.started_ms = started_ms;
  r.due_ms = started_ms - 3;
  // Spread over all 64 bits like real check ids.
  r.check_id = std::hash<std::string>{}(r.monitor_tag) ^
               static_cast<std::uint64_t>(r.due_ms) * 0x9E3779B97F4A7C15ull;
  r.status = Status::kUp;
  r.latency_ms = latency_ms;
  return r;
}

Bucket bucket(Seconds start, StatusCounts counts, double min, double max, double sum,
              std::int64_t n) {
  Bucket b;
  b.start = start;
  b.counts = counts;
  b.latency.min = min;
  b.latency.max = max;
  b.latency.sum = sum;
  b.latency.count = n;
  return b;
}

BucketWrite bucket_write(std::string tag, Granularity g, Bucket b,
                         BucketWriteMode mode = BucketWriteMode::kAdd) {
  return BucketWrite{std::move(tag), g, std::move(b), mode};
}

class SqliteResultStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  SqliteDatabase db_{dir_.file("vigil.db")};
  SqliteResultStore store_{db_};
};

TEST_F(SqliteResultStoreTest, ResultsReadBackWithEveryFieldNewestFirst) {
  CheckResult full = result("api", kT0 * 1000 + 500, 123.456);
  full.status = Status::kDegraded;
  full.phases = {1.5, 2.25, 10.125, 100.5, 123.456};
  full.http_code = 503;
  full.certificate_expiry_ms = 1'800'000'000'000;
  full.resolved_ip = "2001:db8::1";
  full.dns_rcode = 0;
  full.error_kind = ErrorKind::kProtocol;
  full.error_message = "status 503";
  full.details = "loss=0%; sent=3; received=3";
  WriteBatch batch;
  batch.results = {result("api", kT0 * 1000), full, result("api", kT0 * 1000 + 1000),
                   result("other", kT0 * 1000 + 200)};
  store_.write(batch);

  auto all = store_.read_results("api", 0, kAll, 100);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].started_ms, kT0 * 1000 + 1000);
  EXPECT_EQ(all[2].started_ms, kT0 * 1000);
  const CheckResult& got = all[1];
  EXPECT_EQ(got.monitor_tag, "api");
  EXPECT_EQ(got.check_id, full.check_id);
  EXPECT_EQ(got.due_ms, full.due_ms);
  EXPECT_EQ(got.status, Status::kDegraded);
  EXPECT_DOUBLE_EQ(got.latency_ms, 123.456);
  EXPECT_DOUBLE_EQ(got.phases.dns_ms, 1.5);
  EXPECT_DOUBLE_EQ(got.phases.connect_ms, 2.25);
  EXPECT_DOUBLE_EQ(got.phases.tls_ms, 10.125);
  EXPECT_DOUBLE_EQ(got.phases.first_byte_ms, 100.5);
  EXPECT_DOUBLE_EQ(got.phases.total_ms, 123.456);
  EXPECT_EQ(got.http_code, 503);
  EXPECT_EQ(got.certificate_expiry_ms, full.certificate_expiry_ms);
  EXPECT_EQ(got.resolved_ip, "2001:db8::1");
  EXPECT_EQ(got.dns_rcode, 0);
  EXPECT_EQ(got.error_kind, ErrorKind::kProtocol);
  EXPECT_EQ(got.error_message, "status 503");
  EXPECT_EQ(got.details, "loss=0%; sent=3; received=3");
  EXPECT_FALSE(all[0].certificate_expiry_ms.has_value());
  EXPECT_EQ(all[0].dns_rcode, -1);

  // [from, to) in milliseconds, and the limit keeps the newest.
  auto window = store_.read_results("api", kT0 * 1000 + 500, kT0 * 1000 + 1000, 100);
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0].started_ms, kT0 * 1000 + 500);
  auto newest = store_.read_results("api", 0, kAll, 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[1].started_ms, kT0 * 1000 + 500);
}

TEST_F(SqliteResultStoreTest, ARepeatedResultIsStoredOnce) {
  CheckResult first = result("api", kT0 * 1000, 10);
  CheckResult redelivered = first;
  redelivered.latency_ms = 99;
  WriteBatch batch;
  batch.results = {first, redelivered};
  store_.write(batch);
  store_.write(batch);
  EXPECT_EQ(store_.count_results(), 1);
  auto stored = store_.read_results("api", 0, kAll, 10);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_DOUBLE_EQ(stored[0].latency_ms, 10);
}

TEST_F(SqliteResultStoreTest, ABatchWithOneBadResultWritesNothing) {
  WriteBatch batch;
  batch.results = {result("api", kT0 * 1000), result("api", kT0 * 1000 + 1, -1)};
  batch.buckets = {bucket_write("api", Granularity::kMinute, bucket(kT0, {1, 0, 0, 0}, 5, 5, 5, 1)),
                   bucket_write("api", Granularity::kDay, bucket(kT0, {1, 0, 0, 0}, 5, 5, 5, 1))};
  try {
    store_.write(batch);
    FAIL() << "a negative latency was stored";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("CHECK constraint failed"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store_.count_results(), 0);
  EXPECT_TRUE(store_.read_buckets("api", Granularity::kMinute, 0, kT0 + 60).empty());
  EXPECT_TRUE(store_.read_buckets("api", Granularity::kDay, 0, kT0 + 60).empty());

  // The store is still usable afterwards.
  batch.results.pop_back();
  store_.write(batch);
  EXPECT_EQ(store_.count_results(), 1);
}

TEST_F(SqliteResultStoreTest, AddMergesIntoTheStoredRow) {
  Bucket first = bucket(kT0, {2, 1, 0, 0}, 10, 30, 60, 3);
  first.error_message = "slow";
  WriteBatch batch;
  batch.buckets = {bucket_write("api", Granularity::kMinute, first)};
  store_.write(batch);
  Bucket second = bucket(kT0, {0, 0, 1, 0}, 5, 20, 25, 2);
  second.type = "TIMEOUT";
  batch.buckets = {bucket_write("api", Granularity::kMinute, second)};
  store_.write(batch);

  auto rows = store_.read_buckets("api", Granularity::kMinute, kT0, kT0 + 60);
  ASSERT_EQ(rows.size(), 1u);
  const Bucket& b = rows[0];
  EXPECT_EQ(b.start, kT0);
  EXPECT_EQ(b.counts.up, 2);
  EXPECT_EQ(b.counts.degraded, 1);
  EXPECT_EQ(b.counts.down, 1);
  EXPECT_EQ(b.status(), Status::kDown);
  EXPECT_DOUBLE_EQ(b.latency.min, 5);
  EXPECT_DOUBLE_EQ(b.latency.max, 30);
  EXPECT_DOUBLE_EQ(b.latency.sum, 85);
  EXPECT_EQ(b.latency.count, 5);
  EXPECT_DOUBLE_EQ(b.latency.avg(), 17);
  EXPECT_EQ(b.type, "TIMEOUT");

  // Kener's readers see the merged status and mean latency.
  std::string status;
  double latency = 0;
  db_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT status, latency FROM monitoring_data WHERE monitor_tag = 'api'");
    ASSERT_TRUE(stmt.step());
    status = stmt.column_text(0);
    latency = stmt.column_double(1);
  });
  EXPECT_EQ(status, "DOWN");
  EXPECT_DOUBLE_EQ(latency, 17);
}

TEST_F(SqliteResultStoreTest, ReplaceOverwritesTheStoredRow) {
  WriteBatch batch;
  batch.buckets = {bucket_write("api", Granularity::kHour, bucket(kT0, {5, 0, 3, 0}, 1, 9, 40, 8))};
  store_.write(batch);
  batch.buckets = {bucket_write("api", Granularity::kHour, bucket(kT0, {0, 0, 0, 1}, 0, 0, 0, 0),
                                BucketWriteMode::kReplace)};
  store_.write(batch);

  auto rows = store_.read_buckets("api", Granularity::kHour, kT0, kT0 + 3600);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].counts.total(), 1);
  EXPECT_EQ(rows[0].status(), Status::kMaintenance);
  EXPECT_EQ(rows[0].latency.count, 0);
}

TEST_F(SqliteResultStoreTest, ReadBucketsIsHalfOpenInTimeOrderAndPerTier) {
  WriteBatch batch;
  for (Seconds start : {kT0 + 120, kT0, kT0 + 60}) {
    batch.buckets.push_back(
        bucket_write("api", Granularity::kMinute, bucket(start, {1, 0, 0, 0}, 1, 1, 1, 1)));
  }
  batch.buckets.push_back(
      bucket_write("api", Granularity::kHour, bucket(kT0, {1, 0, 0, 0}, 1, 1, 1, 1)));
  store_.write(batch);

  auto rows = store_.read_buckets("api", Granularity::kMinute, kT0, kT0 + 120);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].start, kT0);
  EXPECT_EQ(rows[1].start, kT0 + 60);
  EXPECT_EQ(store_.read_buckets("api", Granularity::kMinute, kT0 + 1, kT0 + 121).size(), 2u);
  EXPECT_EQ(store_.read_buckets("api", Granularity::kHour, kT0, kT0 + 3600).size(), 1u);
  EXPECT_TRUE(store_.read_buckets("api", Granularity::kDay, kT0, kT0 + 3600).empty());
  EXPECT_TRUE(store_.read_buckets("web", Granularity::kMinute, kT0, kT0 + 3600).empty());
}

TEST_F(SqliteResultStoreTest, SumBucketsMergesEachMonitorsRowsInTheWindow) {
  constexpr int kMonitors = 300;
  WriteBatch batch;
  for (int m = 0; m < kMonitors; ++m) {
    std::string tag = "m" + std::to_string(m);
    double base = m;
    batch.buckets.push_back(bucket_write(
        tag, Granularity::kMinute, bucket(kT0, {2, 0, 0, 0}, base + 1, base + 2, 2 * base + 3, 2)));
    Bucket failing = bucket(kT0 + 60, {0, 0, 1, 0}, base + 10, base + 10, base + 10, 1);
    failing.error_message = "refused";
    batch.buckets.push_back(bucket_write(tag, Granularity::kMinute, failing));
    batch.buckets.push_back(
        bucket_write(tag, Granularity::kMinute, bucket(kT0 + 120, {0, 0, 0, 1}, 0, 0, 0, 0)));
    // Outside the window.
    batch.buckets.push_back(
        bucket_write(tag, Granularity::kMinute, bucket(kT0 + 180, {0, 7, 0, 0}, 0.5, 500, 600, 7)));
  }
  batch.buckets.push_back(bucket_write("only-later", Granularity::kMinute,
                                       bucket(kT0 + 600, {1, 0, 0, 0}, 1, 1, 1, 1)));
  store_.write(batch);

  auto sums = store_.sum_buckets(Granularity::kMinute, kT0, kT0 + 180);
  ASSERT_EQ(sums.size(), static_cast<std::size_t>(kMonitors));
  EXPECT_EQ(sums.count("only-later"), 0u);
  for (int m = 0; m < kMonitors; ++m) {
    const Bucket& s = sums.at("m" + std::to_string(m));
    double base = m;
    EXPECT_EQ(s.start, kT0);
    EXPECT_EQ(s.counts.up, 2);
    EXPECT_EQ(s.counts.down, 1);
    EXPECT_EQ(s.counts.maintenance, 1);
    EXPECT_EQ(s.counts.degraded, 0);
    EXPECT_DOUBLE_EQ(s.latency.min, base + 1);
    EXPECT_DOUBLE_EQ(s.latency.max, base + 10);
    EXPECT_DOUBLE_EQ(s.latency.sum, 3 * base + 13);
    EXPECT_EQ(s.latency.count, 3);
    EXPECT_EQ(s.error_message, "refused");
  }
  EXPECT_TRUE(store_.sum_buckets(Granularity::kHour, kT0, kT0 + 180).empty());
}

TEST_F(SqliteResultStoreTest, PruneKeepsEachTierForItsRetentionAndDayRowsForever) {
  RetentionPolicy policy{1 * kDay, 2 * kDay, 3 * kDay};
  Seconds now = kT0 + 100 * kDay;
  // More monitors than prune handles in one transaction.
  constexpr int kMonitors = 450;
  const std::vector<Seconds> ages = {kDay / 2, kDay + kDay / 2, 2 * kDay + kDay / 2,
                                     3 * kDay + kDay / 2, 50 * kDay};
  WriteBatch batch;
  for (int m = 0; m < kMonitors; ++m) {
    std::string tag = "m" + std::to_string(m);
    for (Seconds age : ages) {
      batch.results.push_back(result(tag, (now - age) * 1000));
      for (Granularity g : {Granularity::kMinute, Granularity::kHour, Granularity::kDay}) {
        batch.buckets.push_back(bucket_write(tag, g, bucket(now - age, {1, 0, 0, 0}, 1, 1, 1, 1)));
      }
    }
  }
  store_.write(batch);

  // Raw keeps 1 of 5 ages, minute 2, hour 3, day all 5.
  EXPECT_EQ(store_.prune(policy, now), kMonitors * (4 + 3 + 2));
  EXPECT_EQ(store_.count_results(), kMonitors);
  for (const char* tag : {"m0", "m449"}) {
    EXPECT_EQ(store_.read_results(tag, 0, kAll, 10).size(), 1u);
    EXPECT_EQ(store_.read_buckets(tag, Granularity::kMinute, 0, now).size(), 2u);
    EXPECT_EQ(store_.read_buckets(tag, Granularity::kHour, 0, now).size(), 3u);
    EXPECT_EQ(store_.read_buckets(tag, Granularity::kDay, 0, now).size(), 5u);
  }
  EXPECT_EQ(store_.prune(policy, now), 0);
}

TEST_F(SqliteResultStoreTest, ReadersOnOtherThreadsNeverFailWhileAWriterWrites) {
  constexpr int kBatches = 150;
  constexpr int kPerBatch = 40;
  constexpr int kReaders = SqliteDatabase::kDefaultReaders + 2;  // some wait for a connection
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.emplace_back([&] {
      std::int64_t seen = 0;
      while (writing.load()) {
        try {
          std::int64_t count = store_.count_results();
          // Each read sees a committed state, never a part of a batch or an older one.
          if (count < seen || count % kPerBatch != 0) ++failures;
          seen = count;
          store_.read_results("m1", 0, kAll, 20);
          store_.sum_buckets(Granularity::kMinute, 0, kT0 + kDay);
          ++reads;
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (int b = 0; b < kBatches; ++b) {
    WriteBatch batch;
    for (int i = 0; i < kPerBatch; ++i) {
      std::string tag = "m" + std::to_string(i % 8);
      batch.results.push_back(result(tag, (kT0 + b) * 1000 + i));
      batch.buckets.push_back(
          bucket_write(tag, Granularity::kMinute, bucket(kT0, {1, 0, 0, 0}, 1, 1, 1, 1)));
    }
    store_.write(batch);
  }
  writing = false;
  for (auto& t : readers) t.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store_.count_results(), kBatches * kPerBatch);
  std::int64_t up = 0;
  for (const auto& [tag, sum] : store_.sum_buckets(Granularity::kMinute, 0, kT0 + kDay)) {
    up += sum.counts.up;
  }
  EXPECT_EQ(up, kBatches * kPerBatch);
}

std::int64_t database_bytes(SqliteDatabase& db) {
  std::int64_t pages = 0;
  std::int64_t page_size = 0;
  db.read([&](SqliteConnection& c) {
    auto count = c.prepare("PRAGMA page_count");
    if (count.step()) pages = count.column_int(0);
    auto size = c.prepare("PRAGMA page_size");
    if (size.step()) page_size = size.column_int(0);
  });
  return pages * page_size;
}

TEST_F(SqliteResultStoreTest, ARawResultTakesFewerThan150BytesOnDisk) {
  constexpr int kMonitors = 1000;
  constexpr int kRounds = 100;
  std::int64_t before = database_bytes(db_);
  WriteBatch batch;
  for (int round = 0; round < kRounds; ++round) {
    for (int m = 0; m < kMonitors; ++m) {
      char tag[32];
      std::snprintf(tag, sizeof tag, "service-%04d", m);
      // A typical HTTPS check, one a minute per monitor.
      CheckResult r = result(tag, (kT0 + round * 60) * 1000 + m, 123.456 + m % 50);
      r.phases = {1.234, 5.678, 20.5, 100.25, r.latency_ms};
      r.http_code = 200;
      r.resolved_ip = "93.184.216.34";
      batch.results.push_back(std::move(r));
    }
    // Ten rounds per commit, as a busy flush would write them.
    if (round % 10 == 9) {
      store_.write(batch);
      batch.results.clear();
    }
  }
  ASSERT_EQ(store_.count_results(), kMonitors * kRounds);
  double per_row = static_cast<double>(database_bytes(db_) - before) / (kMonitors * kRounds);
  std::printf("on-disk bytes per raw result: %.1f\n", per_row);
  EXPECT_LT(per_row, 150);
}

}  // namespace
}  // namespace vigil
