// The delivery log API through the router: shapes, filters, paging, errors, no secrets.
#include "api/delivery_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"
#include "storage/sqlite/sqlite_outbox_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

namespace json = boost::json;
using testing::FakeClock;
using testing::TempDir;

constexpr Seconds kT = 1'700'000'000;

class DeliveryRoutesTest : public ::testing::Test {
 protected:
  DeliveryRoutesTest() {
    add_delivery_routes(router_, keys_, outbox_);
    for (int i = 1; i <= 3; ++i) {
      OutboxMessage m;
      m.idempotency_key = "alert-" + std::to_string(i);
      m.kind = i == 3 ? "test" : "alert";
      m.channel = "webhook";
      m.channel_config = R"({"url":"https://hooks.example.com/SECRET"})";
      m.variables = R"({"alert_name":"x"})";
      m.trigger_id = i;
      m.next_attempt_at = kT;
      if (i == 2) {
        m.status = DeliveryStatus::kSent;
        m.attempts = 1;
        m.delivered_at = kT + 1;
      }
      outbox_.insert(m);
    }
  }

  HttpResponse get(const std::string& path, std::map<std::string, std::string> query = {},
                   bool authorised = true) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    if (authorised) request.headers["authorization"] = "Bearer " + key_;
    return router_.dispatch(request);
  }

  static json::object body(const HttpResponse& response) {
    return json::parse(response.body).as_object();
  }

  TempDir dir_;
  FakeClock clock_{kT * 1000};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteApiKeyStore key_store_{db_};
  ApiKeyService keys_{key_store_, "secret"};
  std::string key_ = keys_.create("test").key;
  SqliteOutboxStore outbox_{db_};
  Router router_;
};

TEST_F(DeliveryRoutesTest, ListIsNewestFirstWithPagingAndNoSecrets) {
  auto response = get("/api/v4/deliveries");
  ASSERT_EQ(response.status, 200) << response.body;
  auto b = body(response);
  EXPECT_EQ(b["total"], 3);
  EXPECT_EQ(b["page"], 1);
  EXPECT_EQ(b["limit"], 20);
  auto list = b["deliveries"].as_array();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].at("idempotency_key"), "alert-3");
  auto sent = list[1].as_object();
  EXPECT_EQ(sent["status"], "SENT");
  EXPECT_EQ(sent["attempts"], 1);
  EXPECT_EQ(sent["delivered_at"], kT + 1);
  EXPECT_EQ(sent["trigger_id"], 2);
  EXPECT_EQ(sent["channel"], "webhook");
  EXPECT_EQ(sent["next_attempt_at"], kT);
  EXPECT_EQ(sent["created_at"], kT);
  EXPECT_TRUE(list[0].at("delivered_at").is_null());
  EXPECT_EQ(response.body.find("SECRET"), std::string::npos);
  EXPECT_FALSE(sent.contains("channel_config"));

  auto page2 = body(get("/api/v4/deliveries", {{"page", "2"}, {"limit", "2"}}));
  EXPECT_EQ(page2["deliveries"].as_array().size(), 1u);
  EXPECT_EQ(page2["deliveries"].as_array()[0].at("idempotency_key"), "alert-1");
}

TEST_F(DeliveryRoutesTest, Filters) {
  auto by_status = body(get("/api/v4/deliveries", {{"status", "SENT"}}));
  EXPECT_EQ(by_status["total"], 1);
  auto by_kind = body(get("/api/v4/deliveries", {{"kind", "test"}}));
  EXPECT_EQ(by_kind["deliveries"].as_array()[0].at("idempotency_key"), "alert-3");
  auto by_trigger = body(get("/api/v4/deliveries", {{"trigger_id", "1"}}));
  EXPECT_EQ(by_trigger["deliveries"].as_array()[0].at("idempotency_key"), "alert-1");
}

TEST_F(DeliveryRoutesTest, OneDeliveryAndErrors) {
  auto one = get("/api/v4/deliveries/2");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(body(one)["delivery"].at("status"), "SENT");

  auto missing = get("/api/v4/deliveries/99");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(body(missing)["error"].at("code"), "NOT_FOUND");
  EXPECT_EQ(get("/api/v4/deliveries/abc").status, 400);
  auto bad_status = get("/api/v4/deliveries", {{"status", "LOST"}});
  EXPECT_EQ(bad_status.status, 400);
  EXPECT_EQ(body(bad_status)["error"].at("message"), "status must be PENDING, SENT or FAILED");
  EXPECT_EQ(get("/api/v4/deliveries", {{"trigger_id", "x"}}).status, 400);
  EXPECT_EQ(get("/api/v4/deliveries", {}, false).status, 401);
}

}  // namespace
}  // namespace vigil
