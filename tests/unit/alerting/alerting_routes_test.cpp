// The trigger and alert routes through the router: shapes, validation errors as 4xx, states,
// acknowledgement, the alert history and the test send.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "alerting_harness.hpp"
#include "api/alert_routes.hpp"
#include "api/trigger_routes.hpp"
#include "http/request_target.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class AlertingRoutesTest : public AlertingHarness {
 protected:
  AlertingRoutesTest() {
    add_trigger_routes(router_, keys_, triggers_);
    add_alert_routes(router_, keys_, alerts_, *engine_);
    engine_->start();
  }

  HttpResponse call(const std::string& method, const std::string& path, std::string body = "",
                    bool authorised = true) {
    HttpRequest request;
    request.method = method;
    request.target = path;
    EXPECT_TRUE(parse_request_target(path, request));
    request.body = std::move(body);
    if (authorised) request.headers["authorization"] = "Bearer " + key_;
    return router_.dispatch(request);
  }

  static json::object body(const HttpResponse& response) {
    return json::parse(response.body).as_object();
  }

  static std::string error_message(const HttpResponse& response) {
    return std::string(body(response).at("error").at("message").as_string());
  }

  SqliteApiKeyStore key_store_{database_};
  ApiKeyService keys_{key_store_, "secret"};
  std::string key_ = keys_.create("test").key;
  std::unique_ptr<AlertEngine> engine_ = make_engine();
  Router router_;
};

TEST_F(AlertingRoutesTest, TriggersCrud) {
  auto created = call("POST", "/api/v4/triggers",
                      R"({"name":"ops","trigger_type":"webhook","trigger_desc":"Ops",)"
                      R"("trigger_meta":{"url":"http://127.0.0.1:9/hook"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto trigger = body(created)["trigger"].as_object();
  EXPECT_EQ(trigger["name"], "ops");
  EXPECT_EQ(trigger["trigger_status"], "ACTIVE");
  EXPECT_EQ(trigger["trigger_meta"].at("url"), "http://127.0.0.1:9/hook");
  const std::string item = "/api/v4/triggers/" + std::to_string(trigger["id"].as_int64());

  auto patched = call("PATCH", item, R"({"trigger_status":"INACTIVE"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(body(patched)["trigger"].at("trigger_status"), "INACTIVE");
  EXPECT_EQ(body(call("GET", item))["trigger"].at("trigger_desc"), "Ops");
  EXPECT_EQ(body(call("GET", "/api/v4/triggers"))["triggers"].as_array().size(), 1u);

  auto test = call("POST", item + "/test");
  ASSERT_EQ(test.status, 200);
  EXPECT_EQ(body(test)["delivered"], true);
  port_.outcome = DeliveryOutcome{false, "HTTP 500"};
  EXPECT_EQ(body(call("POST", item + "/test"))["error"], "HTTP 500");

  EXPECT_EQ(call("DELETE", item).status, 200);
  EXPECT_EQ(call("GET", item).status, 404);
}

TEST_F(AlertingRoutesTest, TriggerMistakesAre4xx) {
  EXPECT_THAT(error_message(call("POST", "/api/v4/triggers", R"({"name":"x"})")),
              HasSubstr("trigger_type"));
  EXPECT_THAT(error_message(call("POST", "/api/v4/triggers",
                                 R"({"name":"x","trigger_type":"webhook","trigger_meta":{}})")),
              HasSubstr("trigger_meta.url: is required"));
  EXPECT_EQ(call("POST", "/api/v4/triggers", R"({"name":"x","bogus":1})").status, 400);
  EXPECT_EQ(call("POST", "/api/v4/triggers", "not json").status, 400);
  EXPECT_EQ(call("POST", "/api/v4/triggers",
                 R"({"name":"x","trigger_type":"slack","trigger_status":"MAYBE"})")
                .status,
            400);
  EXPECT_EQ(call("GET", "/api/v4/triggers/abc").status, 400);
  EXPECT_EQ(call("GET", "/api/v4/triggers", "", false).status, 401);
  auto used = webhook("used");
  rule([&](AlertRule& rule) { rule.triggers = {used.id}; });
  auto conflict = call("DELETE", "/api/v4/triggers/" + std::to_string(used.id));
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(body(conflict)["error"].at("code"), "CONFLICT");
}

TEST_F(AlertingRoutesTest, AlertsCrudWithKenerFlagsAndVigilExtensions) {
  auto ops = webhook("ops");
  auto pager = webhook("pager");
  auto created = call("POST", "/api/v4/alerts",
                      R"({"monitors":["api","db"],"alert_for":"LATENCY","alert_value":750,)"
                      R"("failure_threshold":3,"severity":"CRITICAL","create_incident":true,)"
                      R"("description":"slow","triggers":[)" +
                          std::to_string(ops.id) +
                          R"(],"reminder_minutes":15,"escalation":{"after_minutes":10,)"
                          R"("triggers":[)" +
                          std::to_string(pager.id) + R"(]},"depends_on":["gateway"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto alert = body(created)["alert"].as_object();
  EXPECT_EQ(alert["alert_value"], "750");
  EXPECT_EQ(alert["create_incident"], "YES");
  EXPECT_EQ(alert["is_active"], "YES");
  EXPECT_EQ(alert["success_threshold"], 1);
  EXPECT_EQ(alert["escalation"].at("after_minutes"), 10);
  EXPECT_EQ(alert["depends_on"].as_array().size(), 1u);
  const std::string item = "/api/v4/alerts/" + std::to_string(alert["id"].as_int64());

  auto patched = call("PATCH", item, R"({"is_active":"NO","escalation":null})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(body(patched)["alert"].at("is_active"), "NO");
  EXPECT_TRUE(body(patched)["alert"].at("escalation").is_null());
  EXPECT_EQ(body(call("GET", "/api/v4/alerts"))["alerts"].as_array().size(), 1u);
  EXPECT_EQ(call("DELETE", item).status, 200);
  EXPECT_EQ(call("GET", item).status, 404);
}

TEST_F(AlertingRoutesTest, AlertMistakesAre4xx) {
  auto missing = call("POST", "/api/v4/alerts", R"({"monitors":["api"]})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(error_message(missing), HasSubstr("alert_for"));
  EXPECT_THAT(error_message(call("POST", "/api/v4/alerts",
                                 R"({"monitors":["nope"],"alert_for":"STATUS",)"
                                 R"("alert_value":"DOWN"})")),
              HasSubstr("monitor 'nope' does not exist"));
  EXPECT_THAT(error_message(call("POST", "/api/v4/alerts",
                                 R"({"monitors":["api"],"alert_for":"SOMETIMES",)"
                                 R"("alert_value":"DOWN"})")),
              HasSubstr("alert_for: must be one of STATUS, LATENCY, UPTIME"));
  EXPECT_THAT(error_message(call("POST", "/api/v4/alerts",
                                 R"({"monitors":["api"],"alert_for":"STATUS",)"
                                 R"("alert_value":"DOWN","escalation":{"after_minutes":5}})")),
              HasSubstr("escalation.triggers: is required"));
  EXPECT_EQ(call("POST", "/api/v4/alerts", R"({"monitors":"api"})").status, 400);
  EXPECT_EQ(call("PATCH", "/api/v4/alerts/77", "{}").status, 404);
}

TEST_F(AlertingRoutesTest, StatesAndAcknowledgement) {
  auto ops = webhook("ops");
  auto r = rule([&](AlertRule& rule) {
    rule.triggers = {ops.id};
    rule.reminder_minutes = 5;
  });
  const std::string item = "/api/v4/alerts/" + std::to_string(r.id);
  EXPECT_TRUE(body(call("GET", item + "/states"))["states"].as_array().empty());
  auto not_yet = call("POST", item + "/acknowledge", R"({"monitor_tag":"api"})");
  EXPECT_EQ(not_yet.status, 404);

  feed(*engine_, "api", {Status::kDown});
  auto states = body(call("GET", item + "/states"))["states"].as_array();
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].at("monitor_tag"), "api");
  EXPECT_EQ(states[0].at("alert_status"), "TRIGGERED");
  EXPECT_EQ(states[0].at("triggered_at"), kStart);
  EXPECT_TRUE(states[0].at("acknowledged_at").is_null());

  EXPECT_TRUE(states[0].at("acknowledged_by").is_null());

  auto acknowledged =
      call("POST", item + "/acknowledge", R"({"monitor_tag":"api","acknowledged_by":" alice "})");
  ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
  EXPECT_EQ(body(acknowledged)["state"].at("acknowledged_at"), kStart + kMinute);
  EXPECT_EQ(body(acknowledged)["state"].at("acknowledged_by"), "alice");
  EXPECT_EQ(call("POST", item + "/acknowledge", "{}").status, 400);
  clock_.advance(10 * kMinute * 1000);
  engine_->tick();
  EXPECT_EQ(port_.queued().size(), 1u);

  feed(*engine_, "api", {Status::kUp});
  auto conflict = call("POST", item + "/acknowledge", R"({"monitor_tag":"api"})");
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(body(call("GET", item + "/states"))["states"].as_array()[0].at("alert_status"),
            "RESOLVED");
}

TEST_F(AlertingRoutesTest, HistoryListsStatusChangesNewestFirstInPages) {
  auto r = rule([&](AlertRule& rule) { rule.monitors = {"api", "db"}; });
  const std::string history = "/api/v4/alerts/" + std::to_string(r.id) + "/history";
  auto empty = body(call("GET", history));
  EXPECT_TRUE(empty["history"].as_array().empty());
  EXPECT_EQ(empty["total"], 0);

  feed(*engine_, "api", {Status::kDown});
  ASSERT_EQ(call("POST", "/api/v4/alerts/" + std::to_string(r.id) + "/acknowledge",
                 R"({"monitor_tag":"api","acknowledged_by":"bob"})")
                .status,
            200);
  feed(*engine_, "api", {Status::kUp, Status::kDown});
  feed(*engine_, "db", {Status::kDown});

  auto first = body(call("GET", history + "?limit=2"));
  EXPECT_EQ(first["total"], 4);
  EXPECT_EQ(first["page"], 1);
  EXPECT_EQ(first["limit"], 2);
  auto entries = first["history"].as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at("monitor_tag"), "db");
  EXPECT_TRUE(entries[0].at("from_status").is_null());
  EXPECT_EQ(entries[1].at("monitor_tag"), "api");
  EXPECT_EQ(entries[1].at("from_status"), "RESOLVED");
  EXPECT_EQ(entries[1].at("to_status"), "TRIGGERED");
  EXPECT_TRUE(entries[1].at("acknowledged_by").is_null());

  auto older = body(call("GET", history + "?page=2&limit=2"))["history"].as_array();
  ASSERT_EQ(older.size(), 2u);
  const auto& resolution = older[0].as_object();
  EXPECT_EQ(resolution.at("alert_config_id"), r.id);
  EXPECT_EQ(resolution.at("from_status"), "TRIGGERED");
  EXPECT_EQ(resolution.at("to_status"), "RESOLVED");
  EXPECT_EQ(resolution.at("value"), "UP");
  EXPECT_EQ(resolution.at("acknowledged_by"), "bob");
  EXPECT_EQ(resolution.at("acknowledged_at"), kStart + kMinute);
  EXPECT_EQ(resolution.at("created_at"), kStart + kMinute);
  EXPECT_TRUE(resolution.at("incident_id").is_null());
  EXPECT_EQ(older[1].at("value"), "DOWN");
  EXPECT_EQ(older[1].at("created_at"), kStart);

  EXPECT_EQ(call("GET", "/api/v4/alerts/999/history").status, 404);
}

}  // namespace
}  // namespace vigil::testing
