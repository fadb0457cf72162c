// Secrets in trigger settings through the trigger routes, on the real notifier and channels:
// answers show a mask, a change that sends the mask back (or leaves the secret out) keeps the
// stored secret, and test sends and deliveries to a local receiver still carry the real one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "alerting/alert_message_builder.hpp"
#include "alerting/trigger_secrets.hpp"
#include "alerting/trigger_service.hpp"
#include "api/trigger_routes.hpp"
#include "notify_harness.hpp"
#include "recording_http_server.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"
#include "storage/sqlite/sqlite_site_store.hpp"
#include "storage/sqlite/sqlite_trigger_store.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kMaskText(kSecretMask);
const json::value kMask(kSecretMask);

class TriggerSecretsRoutesTest : public ::testing::Test {
 protected:
  TriggerSecretsRoutesTest() {
    site_.load();
    triggers_.load();
    add_trigger_routes(router_, keys_, triggers_);
  }

  HttpResponse call(const std::string& method, const std::string& path, std::string body = "") {
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.body = std::move(body);
    request.headers["authorization"] = "Bearer " + key_;
    return router_.dispatch(request);
  }

  static json::object body(const HttpResponse& response) {
    return json::parse(response.body).as_object();
  }

  //! Creates a trigger through the API and returns its item path.
  std::string create(const std::string& name, const std::string& type, const json::object& meta) {
    auto created = call("POST", "/api/v4/triggers",
                        json::serialize(json::object{
                            {"name", name}, {"trigger_type", type}, {"trigger_meta", meta}}));
    EXPECT_EQ(created.status, 201) << created.body;
    id_ = body(created).at("trigger").at("id").as_int64();
    return "/api/v4/triggers/" + std::to_string(id_);
  }

  //! The trigger_meta the API answers for `item`.
  json::object shown_meta(const std::string& item) {
    return body(call("GET", item)).at("trigger").at("trigger_meta").as_object();
  }

  //! PATCHes trigger_meta of `item` and expects a 200.
  void patch_meta(const std::string& item, const json::object& meta) {
    auto patched = call("PATCH", item, json::serialize(json::object{{"trigger_meta", meta}}));
    EXPECT_EQ(patched.status, 200) << patched.body;
  }

  //! The headers of the last request `receiver` got after a test send of the current trigger.
  std::map<std::string, std::string> test_send_headers(const RecordingHttpServer& receiver) {
    auto answer = call("POST", "/api/v4/triggers/" + std::to_string(id_) + "/test");
    EXPECT_EQ(body(answer).at("delivered"), true) << answer.body;
    auto requests = receiver.requests();
    EXPECT_FALSE(requests.empty());
    return requests.empty() ? std::map<std::string, std::string>{} : requests.back().headers;
  }

  //! Queues an alert through the stored trigger as the alert engine does and delivers it.
  void deliver_alert() {
    AlertRule rule;
    rule.id = 1;
    rule.monitors = {"api"};
    AlertState state;
    state.rule_id = 1;
    state.monitor_tag = "api";
    AlertMessageBuilder builder(site_);
    OutboxMessage message =
        builder.message(AlertNotice{rule, state, AlertTransition::kTriggered, "API", 0},
                        *triggers_.find(id_), "alert");
    message.idempotency_key = "alert:1:api:1:triggered:" + std::to_string(id_);
    ASSERT_TRUE(h_.notifier.enqueue(std::move(message)));
    EXPECT_EQ(h_.worker.deliver_due(), 1u);
  }

  NotifyHarness h_;
  SqliteTriggerStore trigger_store_{h_.db};
  SqliteSiteStore site_store_{h_.db};
  SiteRevision revision_;
  SiteService site_{site_store_, revision_};
  TriggerService triggers_{trigger_store_, h_.notifier, site_, h_.clock};
  SqliteApiKeyStore key_store_{h_.db};
  ApiKeyService keys_{key_store_, "secret"};
  std::string key_ = keys_.create("test").key;
  Router router_;
  std::int64_t id_ = 0;
};

TEST_F(TriggerSecretsRoutesTest, TokenIsMaskedKeptByTheMaskOrByLeavingItOutAndReplacedByANewOne) {
  RecordingHttpServer receiver;
  const std::string item = create(
      "phone", "ntfy", {{"topic", "ops"}, {"token", "tk-one"}, {"base_url", receiver.url()}});
  EXPECT_EQ(shown_meta(item).at("token"), kMask);
  EXPECT_EQ(shown_meta(item).at("topic"), "ops");
  auto listed = body(call("GET", "/api/v4/triggers")).at("triggers").as_array();
  EXPECT_EQ(listed.at(0).at("trigger_meta").at("token"), kMask);
  EXPECT_THAT(call("GET", "/api/v4/triggers").body, Not(HasSubstr("tk-one")));
  EXPECT_EQ(test_send_headers(receiver)["authorization"], "Bearer tk-one");

  json::object edited = shown_meta(item);  // what an edit form sends back
  edited["title"] = "Phone alert";
  patch_meta(item, edited);
  EXPECT_EQ(shown_meta(item).at("title"), "Phone alert");
  EXPECT_EQ(test_send_headers(receiver)["authorization"], "Bearer tk-one");

  patch_meta(item, {{"topic", "ops"}, {"base_url", receiver.url()}});
  EXPECT_EQ(shown_meta(item).at("token"), kMask);
  EXPECT_EQ(test_send_headers(receiver)["authorization"], "Bearer tk-one");

  patch_meta(item, {{"topic", "ops"}, {"token", "tk-two"}, {"base_url", receiver.url()}});
  EXPECT_EQ(shown_meta(item).at("token"), kMask);
  EXPECT_EQ(test_send_headers(receiver)["authorization"], "Bearer tk-two");
  deliver_alert();
  EXPECT_EQ(receiver.requests().back().headers["authorization"], "Bearer tk-two");

  patch_meta(item, {{"topic", "ops"}, {"token", ""}, {"base_url", receiver.url()}});
  EXPECT_EQ(shown_meta(item).at("token"), "");
  EXPECT_EQ(test_send_headers(receiver).count("authorization"), 0u);
}

TEST_F(TriggerSecretsRoutesTest, CredentialHeadersAreMaskedOtherHeadersAndTheWebhookUrlAreNot) {
  RecordingHttpServer receiver;
  const json::array headers{json::object{{"key", "Authorization"}, {"value", "Bearer hook-key"}},
                            json::object{{"key", "X-Env"}, {"value", "prod"}}};
  const std::string item =
      create("hook", "webhook", {{"url", receiver.url("/in")}, {"headers", headers}});
  json::object shown = shown_meta(item);
  EXPECT_EQ(shown.at("url"), json::value(receiver.url("/in")));
  EXPECT_EQ(shown.at("headers").at(0).at("value"), kMask);
  EXPECT_EQ(shown.at("headers").at(1).at("value"), "prod");

  shown["headers"].as_array()[1].as_object()["value"] = "staging";
  patch_meta(item, shown);
  auto sent = test_send_headers(receiver);
  EXPECT_EQ(sent["authorization"], "Bearer hook-key");
  EXPECT_EQ(sent["x-env"], "staging");

  patch_meta(item, {{"url", receiver.url("/in")}});  // headers left out: kept, credential and all
  sent = test_send_headers(receiver);
  EXPECT_EQ(sent["authorization"], "Bearer hook-key");
  EXPECT_EQ(sent["x-env"], "staging");
  deliver_alert();
  EXPECT_EQ(receiver.requests().back().headers["authorization"], "Bearer hook-key");

  patch_meta(item, {{"url", receiver.url("/in")}, {"headers", json::array{}}});
  EXPECT_EQ(test_send_headers(receiver).count("authorization"), 0u);
}

TEST_F(TriggerSecretsRoutesTest, AChatWebhookUrlIsASecretAndStillReceivesDeliveries) {
  RecordingHttpServer receiver;
  const std::string item = create("chat", "slack", {{"url", receiver.url("/services/T1/B2/abc")}});
  EXPECT_EQ(shown_meta(item).at("url"), kMask);
  patch_meta(item, {{"url", kMask}, {"slack_body", R"({"text":"{{alert_name}}"})"}});
  deliver_alert();
  ASSERT_EQ(receiver.requests().size(), 1u);
  EXPECT_EQ(receiver.requests()[0].target, "/services/T1/B2/abc");
  EXPECT_THAT(receiver.requests()[0].body, HasSubstr(R"("text")"));
}

TEST_F(TriggerSecretsRoutesTest, TheMaskWithNoSecretBehindItIsRefused) {
  auto created = call("POST", "/api/v4/triggers",
                      R"({"name":"pd","trigger_type":"pagerduty","trigger_meta":{"routing_key":")" +
                          kMaskText + R"("}})");
  EXPECT_EQ(created.status, 400);
  EXPECT_THAT(created.body, HasSubstr("trigger_meta.routing_key: is the mask"));

  const std::string item = create("hook", "webhook", {{"url", "http://127.0.0.1:9/in"}});
  auto patched = call("PATCH", item,
                      R"({"trigger_meta":{"url":"http://127.0.0.1:9/in","headers":)"
                      R"([{"key":"X-Api-Key","value":")" +
                          kMaskText + R"("}]}})");
  EXPECT_EQ(patched.status, 400);
  EXPECT_THAT(patched.body, HasSubstr("trigger_meta.headers: header 'X-Api-Key' is the mask"));
}

TEST_F(TriggerSecretsRoutesTest, EveryChannelMasksItsSecrets) {
  struct Case {
    std::string type;
    json::object meta;
    std::vector<std::string> secrets;
  };
  const std::vector<Case> cases{
      {"slack", {{"url", "https://hooks.slack.com/services/T/B/sekrit-slack"}}, {"url"}},
      {"discord", {{"url", "https://discord.com/api/webhooks/1/sekrit-discord"}}, {"url"}},
      {"teams", {{"url", "https://example.webhook.office.com/webhookb2/sekrit-teams"}}, {"url"}},
      {"mattermost", {{"url", "https://chat.example.com/hooks/sekrit-mattermost"}}, {"url"}},
      {"google_chat",
       {{"url", "https://chat.googleapis.com/v1/spaces/A?key=sekrit-gchat"}},
       {"url"}},
      {"email",
       {{"to", "ops@example.com"},
        {"from", "vigil@example.com"},
        {"host", "127.0.0.1"},
        {"username", "vigil"},
        {"password", "sekrit-smtp"}},
       {"password"}},
      {"telegram", {{"bot_token", "sekrit-telegram"}, {"chat_id", "-100"}}, {"bot_token"}},
      {"pagerduty", {{"routing_key", "sekrit-pagerduty"}}, {"routing_key"}},
      {"opsgenie", {{"api_key", "sekrit-opsgenie"}}, {"api_key"}},
      {"ntfy", {{"topic", "ops"}, {"token", "sekrit-ntfy"}}, {"token"}},
      {"gotify", {{"url", "https://gotify.example.com"}, {"token", "sekrit-gotify"}}, {"token"}},
      {"pushover",
       {{"user_key", "sekrit-user"}, {"token", "sekrit-pushover"}},
       {"user_key", "token"}},
      {"matrix",
       {{"homeserver", "https://matrix.example.org"},
        {"access_token", "sekrit-matrix"},
        {"room_id", "!r:example.org"}},
       {"access_token"}},
  };
  for (const auto& c : cases) {
    const std::string item = create(c.type + "-trigger", c.type, c.meta);
    auto answer = call("GET", item);
    EXPECT_THAT(answer.body, Not(HasSubstr("sekrit"))) << c.type;
    for (const auto& key : c.secrets) {
      EXPECT_EQ(shown_meta(item).at(key), kMask) << c.type << "." << key;
    }
    patch_meta(item, shown_meta(item));
    EXPECT_EQ(json::parse(triggers_.find(id_)->trigger_meta), json::value(c.meta)) << c.type;
  }
}

TEST_F(TriggerSecretsRoutesTest, ConfigReconcileStoresExactlyWhatTheFileDeclares) {
  Trigger declared;
  declared.name = "pager";
  declared.trigger_type = "pagerduty";
  declared.trigger_meta = R"({"routing_key":"$PD_KEY"})";
  ASSERT_TRUE(triggers_.reconcile({declared}).empty());
  id_ = triggers_.find_by_name("pager")->id;
  EXPECT_EQ(shown_meta("/api/v4/triggers/" + std::to_string(id_)).at("routing_key"), kMask);

  declared.trigger_meta = R"({"routing_key":"rk-2","summary":"{{alert_name}}"})";
  ASSERT_TRUE(triggers_.reconcile({declared}).empty());
  EXPECT_EQ(json::parse(triggers_.find(id_)->trigger_meta),
            json::parse(R"({"routing_key":"rk-2","summary":"{{alert_name}}"})"));

  declared.trigger_type = "webhook";  // a file that drops a secret drops it
  declared.trigger_meta = R"({"url":"http://127.0.0.1:9/in"})";
  ASSERT_TRUE(triggers_.reconcile({declared}).empty());
  EXPECT_EQ(json::parse(triggers_.find(id_)->trigger_meta),
            json::parse(R"({"url":"http://127.0.0.1:9/in"})"));
}

}  // namespace
}  // namespace vigil::testing
