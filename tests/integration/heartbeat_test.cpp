// HEARTBEAT monitors end to end: Kener's and Uptime Kuma's push URLs against a real server.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

//! The status of the newest minute row of a monitor, or "" when it has none.
std::string latest_status(const RunningVigil& vigil, const std::string& tag) {
  auto r = vigil.api("GET", "/api/v4/monitors/" + tag +
                                "/data?start_ts=" + std::to_string(now_s() - 600) +
                                "&end_ts=" + std::to_string(now_s() + 120));
  if (r.status != 200) return "";
  json::value body = json::parse(r.body);
  const auto& rows = body.at("data").as_array();
  return rows.empty() ? "" : std::string(rows.back().at("status").as_string());
}

//! How many UP checks the monitor's minute rows of the last 10 minutes counted.
std::int64_t up_checks(const RunningVigil& vigil, const std::string& tag) {
  auto r = vigil.api("GET", "/api/v4/monitors/" + tag +
                                "/data?start_ts=" + std::to_string(now_s() - 600) +
                                "&end_ts=" + std::to_string(now_s() + 120));
  std::int64_t up = 0;
  if (r.status != 200) return up;
  json::value body = json::parse(r.body);
  for (const auto& row : body.at("data").as_array()) up += row.at("counts").at("up").as_int64();
  return up;
}

//! Waits until the newest minute row's status (worst of its checks) is `want`.
bool becomes(const RunningVigil& vigil, const std::string& tag, const std::string& want) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  while (std::chrono::steady_clock::now() < deadline) {
    if (latest_status(vigil, tag) == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

class HeartbeatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = vigil_.api("POST", "/api/v4/monitors", R"({
      "tag": "nightly", "name": "Nightly job", "monitor_type": "HEARTBEAT", "interval_seconds": 1,
      "type_data": {"secretString": "s3cret", "degradedRemainingMinutes": 5,
                    "downRemainingMinutes": 10}})");
    ASSERT_EQ(created.status, 201) << created.body;
    json::value monitor = json::parse(created.body).at("monitor");
    token_ = std::string(monitor.at("type_data").at("pushToken").as_string());
  }

  RunningVigil vigil_;
  std::string token_;
};

TEST_F(HeartbeatTest, CreatingAMonitorGeneratesAPushTokenThatSurvivesEdits) {
  EXPECT_EQ(token_.size(), 32u);
  auto patched =
      vigil_.api("PATCH", "/api/v4/monitors/nightly",
                 R"({"type_data": {"secretString": "other", "downRemainingMinutes": 20}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  json::value monitor = json::parse(patched.body).at("monitor");
  EXPECT_EQ(monitor.at("type_data").at("pushToken").as_string(), token_);
}

TEST_F(HeartbeatTest, NoDataBeforeTheFirstPushThenUpAfterAKenerPush) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_NE(latest_status(vigil_, "nightly"), "UP");
  auto pushed = http_request("GET", vigil_.base_url() + "/ext/heartbeat/nightly/s3cret");
  ASSERT_EQ(pushed.status, 200) << pushed.body;
  EXPECT_TRUE(becomes(vigil_, "nightly", "UP")) << vigil_.log();
}

TEST_F(HeartbeatTest, WrongSecretIsUnauthorizedAndUnknownMonitorIsNotFound) {
  auto wrong = http_request("POST", vigil_.base_url() + "/ext/heartbeat/nightly/guess");
  EXPECT_EQ(wrong.status, 401);
  auto legacy_wrong = http_request("GET", vigil_.base_url() + "/ext/heartbeat/nightly:guess");
  EXPECT_EQ(legacy_wrong.status, 401);
  auto unknown = http_request("GET", vigil_.base_url() + "/ext/heartbeat/ghost/s3cret");
  EXPECT_EQ(unknown.status, 404);
  auto legacy = http_request("GET", vigil_.base_url() + "/ext/heartbeat/nightly:s3cret");
  EXPECT_EQ(legacy.status, 200);
}

TEST_F(HeartbeatTest, KumaPushRecordsUpAndDownWithWordsOrNumbers) {
  auto up =
      http_request("GET", vigil_.base_url() + "/api/push/" + token_ + "?status=up&msg=OK&ping=12");
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(json::parse(up.body).at("ok").as_bool(), true);
  EXPECT_TRUE(becomes(vigil_, "nightly", "UP"));

  auto down =
      http_request("GET", vigil_.base_url() + "/api/push/" + token_ + "?status=0&msg=disk+full");
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_TRUE(becomes(vigil_, "nightly", "DOWN"));

  auto bad = http_request("GET", vigil_.base_url() + "/api/push/" + token_ + "?status=maybe");
  EXPECT_EQ(bad.status, 400);
  auto unknown = http_request("GET", vigil_.base_url() + "/api/push/0123456789abcdef?status=up");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(json::parse(unknown.body).at("ok").as_bool(), false);
}

TEST_F(HeartbeatTest, TheLastPushSurvivesARestart) {
  ASSERT_EQ(http_request("GET", vigil_.base_url() + "/api/push/" + token_ + "?status=down").status,
            200);
  ASSERT_TRUE(becomes(vigil_, "nightly", "DOWN"));
  vigil_.restart();
  // Still DOWN from the stored push (not NO_DATA), and the same token still works.
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  EXPECT_EQ(latest_status(vigil_, "nightly"), "DOWN");
  EXPECT_EQ(up_checks(vigil_, "nightly"), 0);
  EXPECT_EQ(http_request("GET", vigil_.base_url() + "/api/push/" + token_).status, 200);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  while (up_checks(vigil_, "nightly") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(up_checks(vigil_, "nightly"), 0);
}

}  // namespace
}  // namespace vigil::testing
