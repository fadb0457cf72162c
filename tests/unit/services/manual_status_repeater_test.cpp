// overrideWithLastKnownStatus: a manual monitor's unreported minute repeats its last status.
#include "services/manual_status_repeater.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "probes/probe_registry.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

constexpr Millis kStart = 1'700'002'800'000;  // a UTC hour boundary

class ManualStatusRepeaterTest : public ::testing::Test {
 protected:
  ManualStatusRepeaterTest()
      : database_(dir_.file("vigil.db")),
        monitor_store_(database_),
        result_store_(database_),
        monitors_(monitor_store_, registry_),
        writer_(result_store_, std::chrono::milliseconds(20), 1000),
        ingestor_(result_store_, writer_, live_, clock_, [](const std::string&) { return 1; }),
        repeater_(monitors_, ingestor_, clock_, [](const MonitorSpec& spec) {
          return spec.type_data.find("overrideWithLastKnownStatus") != std::string::npos;
        }) {
    writer_.set_hooks([this] { ingestor_.close_buckets(); },
                      [this](std::uint64_t t) { ingestor_.committed(t); });
    writer_.start();
  }
  ~ManualStatusRepeaterTest() override { writer_.stop(); }

  void add_manual(const std::string& tag, const std::string& type_data) {
    MonitorSpec spec;
    spec.tag = tag;
    spec.name = tag;
    spec.type_data = type_data;
    ASSERT_TRUE(monitors_.create(spec).ok());
  }
  void report(const std::string& tag, Status status) {
    Bucket minute;
    minute.start = floor_to(to_seconds(clock_.now_ms()), kMinute);
    minute.add(status, 5, "MANUAL", "");
    ingestor_.replace_minutes(tag, {minute});
  }
  std::vector<Bucket> minutes(const std::string& tag) {
    Seconds from = kStart / 1000;
    return ingestor_.read(tag, Granularity::kMinute, from, from + kHour);
  }

  TempDir dir_;
  FakeClock clock_{kStart};
  SqliteDatabase database_;
  SqliteMonitorStore monitor_store_;
  SqliteResultStore result_store_;
  ProbeRegistry registry_;
  MonitorService monitors_;
  LiveState live_;
  BatchWriter writer_;
  Ingestor ingestor_;
  ManualStatusRepeater repeater_;
};

TEST_F(ManualStatusRepeaterTest, RepeatsTheLastReportedStatusIntoUnreportedMinutes) {
  add_manual("door", R"({"overrideWithLastKnownStatus":true})");
  report("door", Status::kDown);
  EXPECT_EQ(repeater_.fill_current_minute(), 0) << "the current minute already has a row";
  clock_.advance(60'000);
  EXPECT_EQ(repeater_.fill_current_minute(), 1);
  EXPECT_EQ(repeater_.fill_current_minute(), 0) << "a minute is filled once";
  clock_.advance(60'000);
  EXPECT_EQ(repeater_.fill_current_minute(), 1);
  auto rows = minutes("door");
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.status(), Status::kDown);
    EXPECT_EQ(row.type, "MANUAL");
  }
}

TEST_F(ManualStatusRepeaterTest, LeavesOtherMonitorsAndNeverReportedOnesAlone) {
  add_manual("plain", "{}");
  add_manual("silent", R"({"overrideWithLastKnownStatus":true})");
  report("plain", Status::kUp);
  clock_.advance(60'000);
  EXPECT_EQ(repeater_.fill_current_minute(), 0);
  EXPECT_EQ(minutes("plain").size(), 1u);
  EXPECT_TRUE(minutes("silent").empty());
}

}  // namespace
}  // namespace vigil::testing
