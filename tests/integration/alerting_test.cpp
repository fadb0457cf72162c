// Alerting end to end on a real server: a monitor checked against a local HTTP server, an alert
// rule and a webhook trigger from the YAML file, a local receiver standing in for the far side.
// Fires once, survives restarts without a re-send, delivers a pending message after a restart
// exactly once, and stays silent during maintenance.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "json_response.hpp"
#include "recording_http_server.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

//! How many requests `server` received whose body mentions `text`.
std::size_t received(const RecordingHttpServer& server, const std::string& text) {
  std::size_t n = 0;
  for (const auto& request : server.requests()) {
    if (request.body.find(text) != std::string::npos) ++n;
  }
  return n;
}

//! A monitor checked every second against `target`, a webhook trigger to `hook`, a rule firing
//! after two DOWN checks and resolving after two UP ones, and `extra` YAML appended.
std::string config(const RecordingHttpServer& target, const RecordingHttpServer& hook,
                   const std::string& extra = "") {
  return R"(
monitors:
  - tag: shop
    name: Shop
    monitor_type: API
    interval_seconds: 1
    type_data: {url: ")" +
         target.url("/health") + R"(", method: GET, timeout: 1000}
triggers:
  - name: hook
    type: webhook
    meta: {url: ")" +
         hook.url("/hook") + R"("}
alerts:
  - description: Shop down
    monitors: [shop]
    for: STATUS
    value: DOWN
    failure_threshold: 2
    success_threshold: 2
    triggers: [hook]
)" + extra;
}

//! The delivery log, newest first.
json::array deliveries(const RunningVigil& vigil) {
  auto response = vigil.api("GET", "/api/v4/deliveries?kind=alert");
  EXPECT_EQ(response.status, 200) << response.body;
  const json::value body = parse_json(response);
  return body.is_object() ? body.at("deliveries").as_array() : json::array{};
}

TEST(AlertingProcess, FiresOnceSurvivesRestartsAndDeliversAPendingResolutionOnce) {
  RecordingHttpServer target;
  RecordingHttpServer hook;
  target.respond_with(500);
  RunningVigil vigil(config(target, hook));

  ASSERT_TRUE(eventually([&] { return received(hook, "TRIGGERED") >= 1; })) << vigil.log();
  const auto first = hook.requests().front();
  EXPECT_EQ(first.method, "POST");
  EXPECT_EQ(first.target, "/hook");
  ASSERT_TRUE(first.headers.contains("idempotency-key"));
  EXPECT_FALSE(first.headers.at("idempotency-key").empty());
  EXPECT_NE(first.body.find("Shop"), std::string::npos);
  ASSERT_TRUE(eventually([&] {
    const auto log = deliveries(vigil);
    return log.size() == 1 && log[0].at("status").as_string() == "SENT";
  }));

  // Still DOWN across a restart: the stored alert is not sent again.
  ASSERT_EQ(vigil.stop(), 0);
  vigil.restart();
  std::this_thread::sleep_for(std::chrono::seconds(4));
  EXPECT_EQ(received(hook, "TRIGGERED"), 1u);
  EXPECT_EQ(deliveries(vigil).size(), 1u);

  // The receiver fails while the monitor recovers: the resolution waits for a retry. The server
  // stops before it, and the retry after the restart reaches the receiver once.
  hook.respond_with(503);
  target.respond_with(200);
  ASSERT_TRUE(eventually([&] { return received(hook, "RESOLVED") >= 1; })) << vigil.log();
  ASSERT_EQ(vigil.stop(), 0);
  const std::size_t failed_attempts = received(hook, "RESOLVED");
  hook.respond_with(200);
  vigil.restart();
  ASSERT_TRUE(eventually([&] {
    const auto log = deliveries(vigil);
    return log.size() == 2 && log[0].at("status").as_string() == "SENT";
  })) << vigil.log();
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(received(hook, "RESOLVED"), failed_attempts + 1);
  EXPECT_EQ(received(hook, "TRIGGERED"), 1u);
  const auto log = deliveries(vigil);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].at("attempts").as_int64(), static_cast<std::int64_t>(failed_attempts) + 1);
  EXPECT_EQ(log[1].at("status").as_string(), "SENT");
}

TEST(AlertingProcess, MaintenanceMutesAlertsAndShowsOnThePage) {
  RecordingHttpServer target;
  RecordingHttpServer hook;
  target.respond_with(500);
  const std::string maintenance = R"(
maintenances:
  - title: Shop migration
    start_date_time: )" + std::to_string(now_s() - 120) +
                                  R"(
    duration_seconds: 3600
    monitors: [shop]
pages:
  - path: "~home"
    title: Status
    header: Status
    monitors: [shop]
)";
  RunningVigil vigil(config(target, hook, maintenance));

  ASSERT_TRUE(eventually([&] {
    return http_request("GET", vigil.base_url() + "/badge/shop/status").body.find("MAINTENANCE") !=
           std::string::npos;
  })) << vigil.log();
  // Well past the failure threshold: no alert, nothing queued.
  std::this_thread::sleep_for(std::chrono::seconds(4));
  EXPECT_TRUE(hook.requests().empty());
  EXPECT_TRUE(deliveries(vigil).empty());
  const auto page = http_request("GET", vigil.base_url() + "/");
  EXPECT_NE(page.body.find("Shop migration"), std::string::npos);
  // The minutes show the maintenance, not the failing checks.
  auto data =
      vigil.api("GET", "/api/v4/monitors/shop/data?start_ts=" + std::to_string(now_s() - 300) +
                           "&end_ts=" + std::to_string(now_s() + 60));
  ASSERT_EQ(data.status, 200) << data.body;
  EXPECT_NE(data.body.find("MAINTENANCE"), std::string::npos);
  EXPECT_EQ(data.body.find("\"DOWN\""), std::string::npos);
}

}  // namespace
}  // namespace vigil::testing
