// Every v4 monitor route against a real `vigil serve`, including bad input and bad keys.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cctype>

#include "every_type.hpp"
#include "json_response.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

class ApiMonitorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vigil_ = new RunningVigil(); }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }
  static RunningVigil* vigil_;

  ClientResponse create(const std::string& body) {
    return vigil_->api("POST", "/api/v4/monitors", body);
  }
};

RunningVigil* ApiMonitorsTest::vigil_ = nullptr;

constexpr const char* kTcpMonitor = R"({
  "tag": "db-port", "name": "Database port", "description": "TCP to loopback",
  "monitor_type": "TCP", "cron": "*/5 * * * *", "status": "INACTIVE",
  "type_data": {"hosts": [{"type": "IP4", "host": "127.0.0.1", "port": 9, "timeout": 500}]},
  "is_hidden": "YES", "default_status": "UP", "category_name": "infra"
})";

TEST_F(ApiMonitorsTest, HealthcheckNeedsNoKey) {
  auto r = http_request("GET", vigil_->base_url() + "/healthcheck");
  EXPECT_EQ(r.status, 200);
}

TEST_F(ApiMonitorsTest, CreateReturnsKenerShapeAndGetListPatchDeleteRoundTrip) {
  auto created = create(kTcpMonitor);
  ASSERT_EQ(created.status, 201) << created.body;
  json::value m = parse_json(created).at("monitor");
  EXPECT_EQ(m.at("tag").as_string(), "db-port");
  EXPECT_EQ(m.at("monitor_type").as_string(), "TCP");
  EXPECT_EQ(m.at("status").as_string(), "INACTIVE");
  EXPECT_EQ(m.at("is_hidden").as_string(), "YES");
  EXPECT_EQ(m.at("default_status").as_string(), "UP");
  EXPECT_EQ(m.at("cron").as_string(), "*/5 * * * *");
  EXPECT_EQ(m.at("type_data").at("hosts").at(0).at("port").as_int64(), 9);

  auto got = vigil_->api("GET", "/api/v4/monitors/db-port");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(parse_json(got).at("monitor").at("name").as_string(), "Database port");

  auto listed = vigil_->api("GET", "/api/v4/monitors?monitor_type=TCP&is_hidden=YES");
  ASSERT_EQ(listed.status, 200);
  json::value listed_body = parse_json(listed);
  const auto& list = listed_body.at("monitors").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("tag").as_string(), "db-port");
  auto filtered = vigil_->api("GET", "/api/v4/monitors?status=ACTIVE&monitor_type=TCP");
  EXPECT_EQ(parse_json(filtered).at("monitors").as_array().size(), 0u);

  auto patched = vigil_->api("PATCH", "/api/v4/monitors/db-port",
                             R"({"name": "DB port", "interval_seconds": 30})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  json::value p = parse_json(patched).at("monitor");
  EXPECT_EQ(p.at("name").as_string(), "DB port");
  EXPECT_EQ(p.at("interval_seconds").as_int64(), 30);
  EXPECT_EQ(p.at("cron").as_string(), "");
  EXPECT_EQ(p.at("description").as_string(), "TCP to loopback");

  auto deleted = vigil_->api("DELETE", "/api/v4/monitors/db-port");
  ASSERT_EQ(deleted.status, 200);
  EXPECT_TRUE(parse_json(deleted).at("message").is_string());
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/db-port").status, 404);
  EXPECT_EQ(vigil_->api("DELETE", "/api/v4/monitors/db-port").status, 404);
}

TEST_F(ApiMonitorsTest, DuplicateTagIsConflict) {
  ASSERT_EQ(create(R"({"tag": "dup", "name": "A", "monitor_type": "NONE"})").status, 201);
  auto again = create(R"({"tag": "dup", "name": "B", "monitor_type": "NONE"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(error_code(again), "CONFLICT");
}

TEST_F(ApiMonitorsTest, BadBodiesAreBadRequests) {
  const char* bodies[] = {
      "{not json",
      "[1, 2]",
      R"({"name": "no tag"})",
      R"({"tag": "Bad Tag!", "name": "x"})",
      R"({"tag": "t1", "name": 42})",
      R"({"tag": "t1", "name": "x", "unknown_field": 1})",
      R"({"tag": "t1", "name": "x", "type_data": "not an object"})",
      R"({"tag": "t1", "name": "x", "status": "SOMETIMES"})",
      R"({"tag": "t1", "name": "x", "is_hidden": 3})",
      R"({"tag": "t1", "name": "x", "cron": "61 * * * *", "monitor_type": "TCP",
          "type_data": {"hosts": [{"host": "127.0.0.1", "port": 1}]}})",
      R"({"tag": "t1", "name": "x", "interval_seconds": 0})",
      R"({"tag": "t1", "name": "x", "cron": "* * * * *", "interval_seconds": 10})",
      R"({"tag": "t1", "name": "x", "monitor_type": "API", "type_data": {}})",
      R"({"tag": "t1", "name": "x", "monitor_type": "API", "type_data": {"url": 5}})",
      R"({"tag": "t1", "name": "x", "monitor_type": "TCP", "type_data": {"hosts": "nope"}})",
      R"({"tag": "t1", "name": "x", "default_status": "PURPLE"})",
  };
  for (const char* body : bodies) {
    auto r = create(body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST") << body;
  }
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/t1").status, 404);
}

TEST_F(ApiMonitorsTest, EveryKenerTypeIsCreatableWithKenersFieldNames) {
  for (const auto& [type, type_data] : every_monitor_type()) {
    std::string tag = "every-" + std::string(type == "API" || type == "TCP" ? "" : "x-");
    for (char c : type) tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto r = create(R"({"tag":")" + tag + R"(","name":")" + type +
                    R"(","status":"INACTIVE","monitor_type":")" + type + R"(","type_data":)" +
                    type_data + "}");
    EXPECT_EQ(r.status, 201) << type << ": " << r.body;
    EXPECT_EQ(parse_json(r).at("monitor").at("monitor_type").as_string(), type);
  }
}

TEST_F(ApiMonitorsTest, UnknownTypeSaysSoAndListsTheSupportedOnes) {
  auto r = create(R"({"tag": "mail", "name": "x", "monitor_type": "SMTP", "type_data": {}})");
  ASSERT_EQ(r.status, 400);
  std::string message(parse_json(r).at("error").at("message").as_string());
  EXPECT_NE(message.find("unknown monitor_type SMTP"), std::string::npos) << message;
  for (const char* type : {"API", "DNS", "GAMEDIG", "GROUP", "GRPC", "HEARTBEAT", "NONE", "PING",
                           "SQL", "SSL", "TCP"}) {
    EXPECT_NE(message.find(type), std::string::npos) << type << " missing from: " << message;
  }
}

TEST_F(ApiMonitorsTest, PatchRejectsTagChangeUnknownFieldsAndUnknownMonitor) {
  ASSERT_EQ(create(R"({"tag": "patchme", "name": "x", "monitor_type": "NONE"})").status, 201);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/patchme", R"({"tag": "other"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/patchme", R"({"colour": "red"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/patchme", "nope").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/ghost", R"({"name": "y"})").status, 404);
  auto still = vigil_->api("GET", "/api/v4/monitors/patchme");
  EXPECT_EQ(parse_json(still).at("monitor").at("name").as_string(), "x");
}

TEST_F(ApiMonitorsTest, MissingOrInvalidKeyIsUnauthorizedOnEveryRoute) {
  const std::pair<const char*, const char*> routes[] = {
      {"GET", "/api/v4/monitors"},
      {"POST", "/api/v4/monitors"},
      {"GET", "/api/v4/monitors/x"},
      {"PATCH", "/api/v4/monitors/x"},
      {"DELETE", "/api/v4/monitors/x"},
      {"GET", "/api/v4/monitors/x/data?start_ts=0&end_ts=60"},
      {"PATCH", "/api/v4/monitors/x/data"},
      {"GET", "/api/v4/monitors/x/data/60"},
      {"PATCH", "/api/v4/monitors/x/data/60"},
  };
  for (auto [method, path] : routes) {
    auto none = http_request(method, vigil_->base_url() + path, "{}");
    EXPECT_EQ(none.status, 401) << method << " " << path;
    EXPECT_EQ(error_code(none), "UNAUTHORIZED");
    auto wrong = http_request(method, vigil_->base_url() + path, "{}",
                              {{"Authorization", "Bearer vigil_0000"}});
    EXPECT_EQ(wrong.status, 401) << method << " " << path;
    auto basic = http_request(method, vigil_->base_url() + path, "{}",
                              {{"Authorization", "Basic " + vigil_->key()}});
    EXPECT_EQ(basic.status, 401) << method << " " << path;
  }
}

TEST_F(ApiMonitorsTest, ManualDataPointsAndRanges) {
  ASSERT_EQ(create(R"({"tag": "manual", "name": "Manual", "monitor_type": "NONE"})").status, 201);
  const std::int64_t minute = 1'700'000'040;  // a minute boundary
  auto put = vigil_->api("PATCH", "/api/v4/monitors/manual/data/" + std::to_string(minute + 17),
                         R"({"status": "DOWN", "latency": 120})");
  ASSERT_EQ(put.status, 200) << put.body;
  json::value point = parse_json(put).at("data");
  EXPECT_EQ(point.at("timestamp").as_int64(), minute);
  EXPECT_EQ(point.at("status").as_string(), "DOWN");
  EXPECT_EQ(point.at("type").as_string(), "MANUAL");

  auto got = vigil_->api("GET", "/api/v4/monitors/manual/data/" + std::to_string(minute));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(parse_json(got).at("data").at("latency").to_number<double>(), 120.0);

  auto range = vigil_->api("PATCH", "/api/v4/monitors/manual/data",
                           R"({"start_ts": )" + std::to_string(minute) + R"(, "end_ts": )" +
                               std::to_string(minute + 600) +
                               R"(, "status": "DEGRADED", "latency": 50, "deviation": 10})");
  ASSERT_EQ(range.status, 200) << range.body;
  EXPECT_EQ(parse_json(range).at("updated_count").as_int64(), 10);

  auto rows = vigil_->api("GET", "/api/v4/monitors/manual/data?start_ts=" + std::to_string(minute) +
                                     "&end_ts=" + std::to_string(minute + 600));
  ASSERT_EQ(rows.status, 200);
  json::value rows_body = parse_json(rows);
  const auto& data = rows_body.at("data").as_array();
  ASSERT_EQ(data.size(), 10u);
  for (std::size_t i = 0; i < data.size(); ++i) {
    EXPECT_EQ(data[i].at("timestamp").as_int64(), minute + 60 * static_cast<std::int64_t>(i));
    EXPECT_EQ(data[i].at("status").as_string(), "DEGRADED");
    double latency = data[i].at("latency").to_number<double>();
    EXPECT_GE(latency, 40.0);
    EXPECT_LE(latency, 60.0);
  }
  // Half-open: end_ts itself is excluded.
  auto one =
      vigil_->api("GET", "/api/v4/monitors/manual/data?start_ts=" + std::to_string(minute + 540) +
                             "&end_ts=" + std::to_string(minute + 600));
  EXPECT_EQ(parse_json(one).at("data").as_array().size(), 1u);
}

TEST_F(ApiMonitorsTest, DataRoutesRejectBadInput) {
  ASSERT_EQ(create(R"({"tag": "manual2", "name": "Manual", "monitor_type": "NONE"})").status, 201);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/manual2/data").status, 400);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/manual2/data?start_ts=abc&end_ts=1").status, 400);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/manual2/data?start_ts=600&end_ts=0").status, 400);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/manual2/data/notanumber").status, 400);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/manual2/data/600").status, 404);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/monitors/ghost/data?start_ts=0&end_ts=60").status, 404);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/ghost/data/60", R"({"status":"UP"})").status,
            404);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/manual2/data/60", R"({"status":"FINE"})").status,
            400);
  EXPECT_EQ(
      vigil_->api("PATCH", "/api/v4/monitors/manual2/data/60", R"({"status":"UP","latency":-1})")
          .status,
      400);
  EXPECT_EQ(vigil_->api("PATCH", "/api/v4/monitors/manual2/data/60", R"({"status":"UP","extra":1})")
                .status,
            400);
  EXPECT_EQ(vigil_
                ->api("PATCH", "/api/v4/monitors/manual2/data",
                      R"({"start_ts": 0, "end_ts": 60, "status": "UP"})")
                .status,
            400);
  EXPECT_EQ(vigil_
                ->api("PATCH", "/api/v4/monitors/manual2/data",
                      R"({"start_ts": 0, "end_ts": 99999999, "status": "UP", "latency": 1})")
                .status,
            400);
}

TEST_F(ApiMonitorsTest, UnknownRouteIsJsonNotFound) {
  auto r = vigil_->api("GET", "/api/v4/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NOT_FOUND");
}

}  // namespace
}  // namespace vigil::testing
