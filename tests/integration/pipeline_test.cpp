// The whole pipeline in a real process: scheduler → probes → ingestor → SQLite → v4 API, and a
// graceful shutdown that loses no result.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <limits>
#include <thread>

#include "counting_listener.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

//! Sum of all check counts in a monitor's minute rows over the last hour.
struct MinuteSummary {
  std::int64_t up = 0;
  std::int64_t down = 0;
  std::size_t rows = 0;
  std::string last_status;
};

MinuteSummary summarise(const RunningVigil& vigil, const std::string& tag) {
  std::int64_t now = now_s();
  auto r =
      vigil.api("GET", "/api/v4/monitors/" + tag + "/data?start_ts=" + std::to_string(now - 3600) +
                           "&end_ts=" + std::to_string(now + 120));
  MinuteSummary s;
  if (r.status != 200) return s;
  json::value body = json::parse(r.body);
  for (const auto& row : body.at("data").as_array()) {
    s.up += row.at("counts").at("up").as_int64();
    s.down += row.at("counts").at("down").as_int64();
    s.last_status = std::string(row.at("status").as_string());
    ++s.rows;
  }
  return s;
}

template <class Predicate>
bool eventually(Predicate done, int timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

//! A YAML monitor entry: TCP to 127.0.0.1:port every second.
std::string tcp_monitor(const std::string& tag, int port) {
  return "  - tag: " + tag + "\n    name: " + tag +
         "\n    monitor_type: TCP\n    interval_seconds: 1\n    type_data:\n      hosts:\n"
         "        - {type: IP4, host: 127.0.0.1, port: " +
         std::to_string(port) + ", timeout: 1000}\n";
}

//! Two monitors: one counted by the listener, one refused (nothing listens on port 1).
std::string config_for(int listener_port) {
  return "monitors:\n" + tcp_monitor("counted", listener_port) + tcp_monitor("refused", 1);
}

TEST(PipelineTest, ChecksRunOnScheduleAndShowAsMinuteRows) {
  CountingListener listener;
  RunningVigil vigil(config_for(listener.port()));
  ASSERT_TRUE(eventually([&] { return summarise(vigil, "counted").up >= 3; }, 15)) << vigil.log();
  EXPECT_EQ(summarise(vigil, "counted").last_status, "UP");
  ASSERT_TRUE(eventually([&] { return summarise(vigil, "refused").down >= 2; }, 10));
  EXPECT_EQ(summarise(vigil, "refused").last_status, "DOWN");
  EXPECT_EQ(summarise(vigil, "refused").up, 0);
}

TEST(PipelineTest, GracefulShutdownLosesNoResultAndRestartKeepsData) {
  CountingListener listener;
  RunningVigil vigil(config_for(listener.port()));
  ASSERT_TRUE(eventually([&] { return listener.accepted() >= 4; }, 15)) << vigil.log();
  ASSERT_EQ(vigil.stop(), 0) << vigil.log();
  EXPECT_NE(vigil.log().find("all results written"), std::string::npos) << vigil.log();
  // Connections completed by the kernel but not yet accepted are drained by the listener.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  long accepted = listener.accepted();

  std::int64_t stored_results = 0;
  std::int64_t stored_up = 0;
  {
    SqliteDatabase database(vigil.dir().file("data/vigil.db"));
    SqliteResultStore results(database);
    stored_results = static_cast<std::int64_t>(
        results.read_results("counted", 0, std::numeric_limits<Millis>::max(), 1'000'000).size());
    stored_up = results.sum_buckets(Granularity::kMinute, 0, now_s() + 3600)["counted"].counts.up;
  }
  // Every connection the listener saw is exactly one stored result and one count in a minute
  // row: nothing lost at shutdown, nothing counted twice.
  EXPECT_EQ(stored_results, accepted);
  EXPECT_EQ(stored_up, accepted);

  vigil.restart();
  EXPECT_GE(summarise(vigil, "counted").up, stored_up);
}

TEST(PipelineTest, MonitorsAddedThroughTheApiStartWithinASecond) {
  CountingListener listener;
  RunningVigil vigil;
  auto created = vigil.api("POST", "/api/v4/monitors",
                           R"({
    "tag": "late", "name": "Added later", "monitor_type": "TCP", "interval_seconds": 1,
    "type_data": {"hosts": [{"type": "IP4", "host": "127.0.0.1", "port": )" +
                               std::to_string(listener.port()) + "}]}}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(eventually([&] { return listener.accepted() >= 1; }, 5));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(2100));

  ASSERT_EQ(vigil.api("PATCH", "/api/v4/monitors/late", R"({"status": "INACTIVE"})").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  long after_pause = listener.accepted();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(listener.accepted(), after_pause) << "an inactive monitor still ran";

  ASSERT_EQ(vigil.api("PATCH", "/api/v4/monitors/late", R"({"status": "ACTIVE"})").status, 200);
  ASSERT_TRUE(eventually([&] { return listener.accepted() > after_pause; }, 3));
  ASSERT_EQ(vigil.api("DELETE", "/api/v4/monitors/late").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  long after_delete = listener.accepted();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(listener.accepted(), after_delete) << "a deleted monitor still ran";
}

}  // namespace
}  // namespace vigil::testing
