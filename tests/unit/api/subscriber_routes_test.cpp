// The admin subscriber API through the Router: list, add (email or webhook), read, pause and
// change preferences, delete; API key required; bad input gives 4xx in the {error} shape.
#include "api/subscriber_routes.hpp"

#include <gmock/gmock.h>

#include "../services/subscriber_fixture.hpp"
#include "http/request_target.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;
namespace json = boost::json;

class SubscriberRoutesTest : public SubscriberFixture {
 protected:
  SubscriberRoutesTest() { add_subscriber_routes(router_, keys_, subscribers_, pages_); }

  HttpResponse send(const std::string& method, const std::string& target,
                    const std::string& body = "", bool authorized = true) {
    HttpRequest request;
    request.method = method;
    request.target = target;
    EXPECT_TRUE(parse_request_target(target, request));
    request.body = body;
    if (authorized) request.headers["authorization"] = "Bearer " + key_;
    return router_.dispatch(request);
  }

  static json::object body(const HttpResponse& response) {
    return json::parse(response.body).as_object();
  }

  static std::string error_code(const HttpResponse& response) {
    return std::string(body(response).at("error").at("code").as_string());
  }

  SqliteApiKeyStore key_store_{database_};
  ApiKeyService keys_{key_store_, "secret"};
  std::string key_ = keys_.create("admin").key;
  Router router_;
};

TEST_F(SubscriberRoutesTest, AdminsManageWebhookAndEmailSubscribers) {
  HttpResponse created = send("POST", "/api/v4/subscribers",
                              R"({"type":"WEBHOOK","address":"https://hooks.example.com/in",)"
                              R"("preferences":{"maintenances":false,"scope":"CHOSEN",)"
                              R"("pages":["shop"],"monitors":["db"]}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto subscriber = body(created).at("subscriber").as_object();
  EXPECT_EQ(subscriber.at("type").as_string(), "WEBHOOK");
  EXPECT_EQ(subscriber.at("status").as_string(), "ACTIVE");
  EXPECT_TRUE(subscriber.at("confirmed").as_bool());
  const auto& p = subscriber.at("preferences").as_object();
  EXPECT_FALSE(p.at("maintenances").as_bool());
  EXPECT_EQ(p.at("scope").as_string(), "CHOSEN");
  EXPECT_EQ(p.at("pages").as_array().at(0).as_string(), "shop");
  EXPECT_EQ(p.at("monitors").as_array().at(0).as_string(), "db");
  const std::string item = "/api/v4/subscribers/" + std::to_string(subscriber.at("id").as_int64());

  ASSERT_EQ(send("POST", "/api/v4/subscribers", R"({"address":"ops@example.com"})").status, 201);
  EXPECT_EQ(body(send("GET", "/api/v4/subscribers")).at("subscribers").as_array().size(), 2u);

  HttpResponse paused = send("PATCH", item, R"({"status":"INACTIVE","preferences":{}})");
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_EQ(body(paused).at("subscriber").at("status").as_string(), "INACTIVE");
  EXPECT_EQ(body(paused).at("subscriber").at("preferences").at("scope").as_string(), "ALL");
  EXPECT_EQ(body(send("GET", item)).at("subscriber").at("status").as_string(), "INACTIVE");

  EXPECT_EQ(send("DELETE", item).status, 200);
  EXPECT_EQ(send("GET", item).status, 404);
  EXPECT_EQ(send("DELETE", item).status, 404);
}

TEST_F(SubscriberRoutesTest, BadRequestsAreClearErrors) {
  EXPECT_EQ(send("GET", "/api/v4/subscribers", "", false).status, 401);
  auto bad = [&](const std::string& json_body) {
    HttpResponse response = send("POST", "/api/v4/subscribers", json_body);
    EXPECT_EQ(response.status, 400) << json_body;
    EXPECT_EQ(error_code(response), "BAD_REQUEST");
    return std::string(body(response).at("error").at("message").as_string());
  };
  EXPECT_THAT(bad("{}"), HasSubstr("address"));
  EXPECT_THAT(bad("[1]"), HasSubstr("object"));
  EXPECT_THAT(bad(R"({"address":"x@example.com","colour":1})"), HasSubstr("colour"));
  EXPECT_THAT(bad(R"({"type":"PIGEON","address":"x@example.com"})"), HasSubstr("type"));
  EXPECT_THAT(bad(R"({"type":"WEBHOOK","address":"javascript:alert"})"), HasSubstr("URL"));
  EXPECT_THAT(bad(R"({"address":"x@example.com","preferences":{"pages":["nope"]}})"),
              HasSubstr("pages"));
  EXPECT_THAT(bad(R"({"address":"x@example.com","preferences":{"scope":"CHOSEN"}})"),
              HasSubstr("at least one page or monitor"));
  EXPECT_THAT(bad(R"({"address":"x@example.com","status":"MAYBE"})"), HasSubstr("status"));
  EXPECT_EQ(send("POST", "/api/v4/subscribers", R"({"address":"x@example.com"})").status, 201);
  HttpResponse twice = send("POST", "/api/v4/subscribers", R"({"address":"X@example.com"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(send("GET", "/api/v4/subscribers/abc").status, 400);
  EXPECT_EQ(send("PATCH", "/api/v4/subscribers/1", R"({"status":3})").status, 400);
}

}  // namespace
}  // namespace vigil::testing
