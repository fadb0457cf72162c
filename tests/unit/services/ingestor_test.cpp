// The ingestor over a real SQLite store: rollups, pending reads, manual corrections, restarts.
#include "services/ingestor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

constexpr Millis kHourStart = 1'700'002'800'000;  // a UTC hour boundary

CheckResult result(const std::string& tag, Millis at, Status status, double latency) {
  CheckResult r;
  r.monitor_tag = tag;
  r.due_ms = at;
  r.started_ms = at;
  r.check_id = make_check_id(tag, at);
  r.status = status;
  r.latency_ms = latency;
  return r;
}

class IngestorTest : public ::testing::Test {
 protected:
  struct Stack {
    explicit Stack(const std::string& path, FakeClock& clock)
        : database(path),
          store(database),
          writer(store, std::chrono::milliseconds(20), 1000),
          ingestor(store, writer, live, clock, [](const std::string&) { return 1; }) {
      writer.set_hooks([this] { ingestor.close_buckets(); },
                       [this](std::uint64_t t) { ingestor.committed(t); });
      writer.start();
    }
    ~Stack() {
      ingestor.flush_all();
      writer.stop();
    }
    SqliteDatabase database;
    SqliteResultStore store;
    LiveState live;
    BatchWriter writer;
    Ingestor ingestor;
  };

  TempDir dir_;
  FakeClock clock_{kHourStart};
  std::string db_path() const { return dir_.file("vigil.db"); }
};

TEST_F(IngestorTest, OpenBucketsAreReadableBeforeTheyAreWritten) {
  Stack s(db_path(), clock_);
  s.ingestor.submit(result("a", kHourStart + 1000, Status::kUp, 10));
  s.ingestor.submit(result("a", kHourStart + 20000, Status::kDown, 30));
  Seconds hour = kHourStart / 1000;
  auto minutes = s.ingestor.read("a", Granularity::kMinute, hour, hour + kHour);
  ASSERT_EQ(minutes.size(), 1u);
  EXPECT_EQ(minutes[0].counts.up, 1);
  EXPECT_EQ(minutes[0].counts.down, 1);
  EXPECT_EQ(minutes[0].status(), Status::kDown);
  EXPECT_DOUBLE_EQ(minutes[0].latency.avg(), 20);
  // Nothing of the open minute is in the store yet.
  EXPECT_TRUE(s.store.read_buckets("a", Granularity::kMinute, hour, hour + kHour).empty());
  auto hours = s.ingestor.read("a", Granularity::kHour, hour, hour + kHour);
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(hours[0].counts.total(), 2);
  EXPECT_EQ(s.live.get("a")->status, Status::kDown);
}

TEST_F(IngestorTest, IncidentAndMaintenanceLayersDecideTheMinuteButNotTheRawRow) {
  Stack s(db_path(), clock_);
  const Seconds hour = kHourStart / 1000;
  std::vector<Status> heard;
  s.ingestor.set_sample_listener([&](const CheckResult& r) { heard.push_back(r.status); });
  // An incident makes minute 1 DEGRADED; a maintenance wins over it in minute 2.
  s.ingestor.set_impact_lookup([&](const std::string& tag, Seconds t) {
    MinuteLayers layers;
    if (tag == "a" && t >= hour + kMinute) layers.incident = Status::kDegraded;
    if (tag == "a" && t >= hour + 2 * kMinute) layers.maintenance = Status::kMaintenance;
    return layers;
  });
  s.ingestor.submit(result("a", kHourStart, Status::kDown, 10));
  s.ingestor.submit(result("a", kHourStart + 60'000, Status::kDown, 10));
  EXPECT_EQ(s.live.get("a")->status, Status::kDegraded);
  EXPECT_EQ(s.live.get("a")->type, "INCIDENT");
  s.ingestor.submit(result("a", kHourStart + 120'000, Status::kDown, 10));
  EXPECT_EQ(s.live.get("a")->status, Status::kMaintenance);
  s.ingestor.submit(result("b", kHourStart + 120'000, Status::kDown, 10));

  const auto minutes = s.ingestor.read("a", Granularity::kMinute, hour, hour + kHour);
  ASSERT_EQ(minutes.size(), 3u);
  EXPECT_EQ(minutes[0].status(), Status::kDown);
  EXPECT_EQ(minutes[1].status(), Status::kDegraded);
  EXPECT_EQ(minutes[1].type, "INCIDENT");
  EXPECT_EQ(minutes[2].status(), Status::kMaintenance);
  EXPECT_EQ(minutes[2].type, "MAINTENANCE");
  EXPECT_EQ(s.ingestor.read("b", Granularity::kMinute, hour, hour + kHour)[0].status(),
            Status::kDown);
  // The alert engine hears what the checks saw.
  EXPECT_EQ(heard, std::vector<Status>(4, Status::kDown));
  s.ingestor.flush_all();
  const auto raw = s.store.read_results("a", kHourStart, kHourStart + 3'600'000, 10);
  ASSERT_EQ(raw.size(), 3u);
  for (const auto& row : raw) EXPECT_EQ(row.status, Status::kDown);
}

TEST_F(IngestorTest, ClosedMinutesAreWrittenAndCountedOnce) {
  Stack s(db_path(), clock_);
  Seconds hour = kHourStart / 1000;
  for (int i = 0; i < 5; ++i)
    s.ingestor.submit(result("a", kHourStart + i * 60'000, Status::kUp, 5));
  clock_.set(kHourStart + 5 * 60'000 + 1);
  s.writer.flush();  // the writer closes due buckets before each commit
  auto stored = s.store.read_buckets("a", Granularity::kMinute, hour, hour + kHour);
  EXPECT_EQ(stored.size(), 5u);
  auto seen = s.ingestor.read("a", Granularity::kMinute, hour, hour + kHour);
  ASSERT_EQ(seen.size(), 5u);
  for (const auto& b : seen) EXPECT_EQ(b.counts.up, 1) << b.start;
  EXPECT_EQ(s.store.count_results(), 5);
}

TEST_F(IngestorTest, RestartContinuesTheSameHourWithoutLosingCounts) {
  Seconds hour = kHourStart / 1000;
  {
    Stack s(db_path(), clock_);
    s.ingestor.submit(result("a", kHourStart + 1000, Status::kUp, 10));
    s.ingestor.submit(result("a", kHourStart + 2000, Status::kDown, 10));
  }  // shutdown flushes the open minute, hour and day
  {
    Stack s(db_path(), clock_);
    s.ingestor.submit(result("a", kHourStart + 3000, Status::kUp, 40));
    auto hours = s.ingestor.read("a", Granularity::kHour, hour, hour + kHour);
    ASSERT_EQ(hours.size(), 1u);
    EXPECT_EQ(hours[0].counts.up, 2);
    EXPECT_EQ(hours[0].counts.down, 1);
    EXPECT_DOUBLE_EQ(hours[0].latency.max, 40);
  }
  SqliteDatabase database(db_path());
  SqliteResultStore store(database);
  auto days =
      store.read_buckets("a", Granularity::kDay, floor_to(hour, kDay), floor_to(hour, kDay) + kDay);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].counts.total(), 3);
  EXPECT_EQ(store.count_results(), 3);
}

TEST_F(IngestorTest, ManualMinutesReplaceTheMinuteAndCorrectHourAndDay) {
  Stack s(db_path(), clock_);
  Seconds hour = kHourStart / 1000;
  s.ingestor.submit(result("a", kHourStart + 1000, Status::kDown, 100));
  s.ingestor.submit(result("a", kHourStart + 2000, Status::kDown, 100));
  s.ingestor.submit(result("a", kHourStart + 61'000, Status::kUp, 10));
  Bucket manual;
  manual.start = hour;
  manual.add(Status::kUp, 50, "MANUAL", "");
  s.ingestor.replace_minutes("a", {manual});

  auto minutes = s.ingestor.read("a", Granularity::kMinute, hour, hour + kHour);
  ASSERT_EQ(minutes.size(), 2u);
  EXPECT_EQ(minutes[0].counts.up, 1);
  EXPECT_EQ(minutes[0].counts.down, 0);
  EXPECT_EQ(minutes[0].type, "MANUAL");
  auto hours = s.ingestor.read("a", Granularity::kHour, hour, hour + kHour);
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(hours[0].counts.up, 2);
  EXPECT_EQ(hours[0].counts.down, 0);
  EXPECT_EQ(hours[0].latency.count, 2);
  EXPECT_DOUBLE_EQ(hours[0].latency.avg(), 30);
  auto days = s.ingestor.sum(Granularity::kDay, floor_to(hour, kDay), floor_to(hour, kDay) + kDay);
  EXPECT_EQ(days["a"].counts.up, 2);
  EXPECT_EQ(days["a"].counts.down, 0);
}

TEST_F(IngestorTest, ConcurrentReadsNeverCountACommittedRowTwice) {
  Stack s(db_path(), clock_);
  Seconds hour = kHourStart / 1000;
  constexpr int kResults = 3000;
  std::atomic<bool> done{false};
  std::atomic<int> violations{0};
  std::thread reader([&] {
    std::int64_t last = 0;
    while (!done) {
      auto sums = s.ingestor.sum(Granularity::kHour, hour, hour + kHour);
      std::int64_t total = sums["a"].counts.total();
      if (total < last || total > kResults) violations.fetch_add(1);
      last = total;
    }
  });
  for (int i = 0; i < kResults; ++i) {
    s.ingestor.submit(result("a", kHourStart + i, Status::kUp, 1));
    if (i % 300 == 0) clock_.advance(60'000);  // minutes close while the reader reads
  }
  s.writer.flush();
  done = true;
  reader.join();
  EXPECT_EQ(violations.load(), 0);
  EXPECT_EQ(s.ingestor.sum(Granularity::kHour, hour, hour + kHour)["a"].counts.total(), kResults);
}

}  // namespace
}  // namespace vigil::testing
