// Every HTTP channel against a real local receiver: method, path, headers and rendered body.
#include <gtest/gtest.h>

#include "notify_harness.hpp"
#include "recording_http_server.hpp"

namespace vigil {
namespace {

namespace json = boost::json;
using testing::NotifyHarness;
using testing::ReceivedRequest;
using testing::RecordingHttpServer;

class ChannelsTest : public ::testing::Test {
 protected:
  //! Queues one alert through `channel`, delivers it and returns what the receiver got.
  ReceivedRequest deliver(const std::string& channel, const json::object& config,
                          bool resolved = false) {
    std::string key = std::string("alert-7-api-") + (resolved ? "RESOLVED" : "TRIGGERED");
    EXPECT_EQ(h_.notifier.validate(channel, json::serialize(config)), std::nullopt);
    EXPECT_TRUE(h_.notifier.enqueue(NotifyHarness::message(channel, config, key, resolved)));
    EXPECT_EQ(h_.worker.deliver_due(), 1u);
    auto page = h_.store.list({});
    EXPECT_EQ(page.messages.at(0).status, DeliveryStatus::kSent) << page.messages.at(0).last_error;
    auto requests = receiver_.requests();
    EXPECT_EQ(requests.size(), 1u);
    if (requests.empty()) return {};
    EXPECT_EQ(requests.back().headers["idempotency-key"], key);
    return requests.back();
  }

  static json::object body(const ReceivedRequest& request) {
    return json::parse(request.body).as_object();
  }

  NotifyHarness h_;
  RecordingHttpServer receiver_;
};

TEST_F(ChannelsTest, WebhookPostsKenerBodyWithHeadersAndEnvironment) {
  json::object config{{"url", receiver_.url("/hooks/$HOOK_TOKEN")},
                      {"headers", json::array{json::object{{"key", "Authorization"},
                                                           {"value", "Bearer $HOOK_TOKEN"}}}},
                      {"webhook_body",
                       "{\"name\": \"{{alert_name}}\", \"status\": \"{{alert_status}}\", "
                       "\"raw\": \"{{{monitor_tag}}}\", \"token\": \"$HOOK_TOKEN\"}"}};
  auto request = deliver("webhook", config);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/hooks/s3cret");
  EXPECT_EQ(request.headers["authorization"], "Bearer s3cret");
  EXPECT_EQ(request.headers["content-type"], "application/json");
  auto b = body(request);
  EXPECT_EQ(b["name"], "API \"down\"");  // the quote was JSON-escaped, so the body parses
  EXPECT_EQ(b["status"], "TRIGGERED");
  EXPECT_EQ(b["raw"], "api");
  EXPECT_EQ(b["token"], "s3cret");
}

TEST_F(ChannelsTest, WebhookDefaultBodyAndMethod) {
  auto request = deliver("webhook", {{"url", receiver_.url("/w")}, {"method", "put"}});
  EXPECT_EQ(request.method, "PUT");
  auto b = body(request);
  EXPECT_EQ(b["alert_name"], "API \"down\"");
  EXPECT_EQ(b["severity"], "CRITICAL");
  EXPECT_EQ(b["details"].at("current_value"), "DOWN");
  EXPECT_EQ(b["monitor"].at("tag"), "api");
}

TEST_F(ChannelsTest, SlackDefaultIsBlockKit) {
  auto request = deliver("slack", {{"url", receiver_.url("/services/T1/B2/x")}});
  EXPECT_EQ(request.target, "/services/T1/B2/x");
  auto b = body(request);
  EXPECT_EQ(b["text"], "[TRIGGERED] API \"down\"");
  auto blocks = b["blocks"].as_array();
  EXPECT_EQ(blocks.at(0).at("type"), "header");
  EXPECT_EQ(blocks.at(1).at("text").at("text"), "API is down <b>now</b>");
}

TEST_F(ChannelsTest, SlackCustomBody) {
  auto request =
      deliver("slack", {{"url", receiver_.url("/s")},
                        {"slack_body", "{\"text\": \"{{monitor_name}} {{alert_value}}\"}"}});
  EXPECT_EQ(body(request)["text"], "Public API DOWN");
}

TEST_F(ChannelsTest, DiscordDefaultIsAnEmbedColouredByStatus) {
  auto request = deliver("discord", {{"url", receiver_.url("/api/webhooks/1/abc")}}, true);
  auto embed = body(request)["embeds"].as_array().at(0).as_object();
  EXPECT_EQ(embed["title"], "[RESOLVED] API \"down\"");
  EXPECT_EQ(embed["color"], 5763719);
  EXPECT_EQ(embed["url"], "https://status.example.com/monitors/api");
}

TEST_F(ChannelsTest, TeamsDefaultIsAMessageCard) {
  auto b = body(deliver("teams", {{"url", receiver_.url("/webhookb2/x")}}));
  EXPECT_EQ(b["@type"], "MessageCard");
  EXPECT_EQ(b["themeColor"], "#ff0060");
  EXPECT_EQ(b["title"], "[TRIGGERED] API \"down\"");
}

TEST_F(ChannelsTest, MattermostPostsMarkdownText) {
  auto b = body(deliver("mattermost", {{"url", receiver_.url("/hooks/mm")}}));
  EXPECT_NE(std::string(b["text"].as_string()).find("#### [TRIGGERED] API \"down\""),
            std::string::npos);
}

TEST_F(ChannelsTest, GoogleChatPostsText) {
  auto request = deliver("google_chat", {{"url", receiver_.url("/v1/spaces/AAA/messages?key=k")}});
  EXPECT_EQ(request.target, "/v1/spaces/AAA/messages?key=k");
  EXPECT_NE(std::string(body(request)["text"].as_string()).find("*[TRIGGERED] API \"down\"*"),
            std::string::npos);
}

TEST_F(ChannelsTest, TelegramSendMessage) {
  auto request =
      deliver("telegram",
              {{"base_url", receiver_.url()}, {"bot_token", "123:ABC"}, {"chat_id", "-100200"}});
  EXPECT_EQ(request.target, "/bot123:ABC/sendMessage");
  auto b = body(request);
  EXPECT_EQ(b["chat_id"], "-100200");
  EXPECT_NE(std::string(b["text"].as_string()).find("[TRIGGERED] API \"down\" - Public API"),
            std::string::npos);
}

TEST_F(ChannelsTest, PagerDutyTriggersThenResolvesWithOneDedupKey) {
  json::object config{{"base_url", receiver_.url()}, {"routing_key", "R0UT1NG"}};
  auto trigger = body(deliver("pagerduty", config));
  EXPECT_EQ(trigger["event_action"], "trigger");
  EXPECT_EQ(trigger["routing_key"], "R0UT1NG");
  EXPECT_EQ(trigger["payload"].at("severity"), "critical");
  EXPECT_EQ(trigger["payload"].at("source"), "api");
  ASSERT_TRUE(h_.notifier.enqueue(NotifyHarness::message("pagerduty", config, "resolve", true)));
  ASSERT_EQ(h_.worker.deliver_due(), 1u);
  auto requests = receiver_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].target, "/v2/enqueue");
  auto resolve = body(requests[1]);
  EXPECT_EQ(resolve["event_action"], "resolve");
  EXPECT_EQ(resolve["dedup_key"], trigger["dedup_key"]);
}

TEST_F(ChannelsTest, OpsgenieCreatesThenClosesByAlias) {
  json::object config{{"base_url", receiver_.url()}, {"api_key", "$HOOK_TOKEN"}};
  auto create = deliver("opsgenie", config);
  EXPECT_EQ(create.target, "/v2/alerts");
  EXPECT_EQ(create.headers["authorization"], "GenieKey s3cret");
  auto b = body(create);
  EXPECT_EQ(b["priority"], "P1");
  std::string alias(b["alias"].as_string());
  ASSERT_TRUE(h_.notifier.enqueue(NotifyHarness::message("opsgenie", config, "close", true)));
  ASSERT_EQ(h_.worker.deliver_due(), 1u);
  EXPECT_EQ(receiver_.requests().at(1).target,
            "/v2/alerts/" + alias + "/close?identifierType=alias");
}

TEST_F(ChannelsTest, NtfyPostsTextWithTitlePriorityAndToken) {
  auto request = deliver("ntfy", {{"base_url", receiver_.url()},
                                  {"topic", "vigil-alerts"},
                                  {"priority", 5},
                                  {"token", "tk_1"}});
  EXPECT_EQ(request.target, "/vigil-alerts");
  EXPECT_EQ(request.headers["title"], "[TRIGGERED] API \"down\" - Public API");
  EXPECT_EQ(request.headers["priority"], "5");
  EXPECT_EQ(request.headers["authorization"], "Bearer tk_1");
  EXPECT_NE(request.body.find("API is down <b>now</b>"), std::string::npos);
}

TEST_F(ChannelsTest, GotifyPostsMessageWithAppToken) {
  auto request = deliver("gotify", {{"url", receiver_.url("/gotify/")}, {"token", "AppTok"}});
  EXPECT_EQ(request.target, "/gotify/message");
  EXPECT_EQ(request.headers["x-gotify-key"], "AppTok");
  EXPECT_EQ(body(request)["priority"], 5);
}

TEST_F(ChannelsTest, PushoverPostsMessagesJson) {
  auto request = deliver("pushover", {{"base_url", receiver_.url()},
                                      {"user_key", "uKey"},
                                      {"token", "aTok"},
                                      {"title", "{{site_name}}: {{alert_status}}"}});
  EXPECT_EQ(request.target, "/1/messages.json");
  auto b = body(request);
  EXPECT_EQ(b["user"], "uKey");
  EXPECT_EQ(b["token"], "aTok");
  EXPECT_EQ(b["title"], "Example Status: TRIGGERED");
  EXPECT_EQ(b["url"], "https://status.example.com/monitors/api");
}

TEST_F(ChannelsTest, MatrixPutsWithTheKeyAsTransactionId) {
  auto request = deliver("matrix", {{"homeserver", receiver_.url()},
                                    {"access_token", "syt_x"},
                                    {"room_id", "!room:example.org"}});
  EXPECT_EQ(request.method, "PUT");
  EXPECT_EQ(request.target,
            "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/"
            "alert-7-api-TRIGGERED");
  EXPECT_EQ(request.headers["authorization"], "Bearer syt_x");
  EXPECT_EQ(body(request)["msgtype"], "m.text");
}

TEST_F(ChannelsTest, ValidationNamesEachProblem) {
  EXPECT_EQ(h_.notifier.validate("carrier-pigeon", "{}"), "channel: unknown type 'carrier-pigeon'");
  EXPECT_EQ(h_.notifier.validate("webhook", "[1]"), "channel_config: must be a JSON object");
  EXPECT_EQ(h_.notifier.validate("webhook", "{}"), "url: is required");
  EXPECT_EQ(h_.notifier.validate("slack", R"({"url": "ftp://x", "slack_body": "{{#a}}"})"),
            "url: must be an http:// or https:// URL; slack_body: invalid template: Unclosed "
            "section \"a\" at 0");
  EXPECT_EQ(h_.notifier.validate("telegram", R"({"chat_id": 5})"),
            "bot_token: is required; chat_id: must be a string");
  EXPECT_EQ(h_.notifier.validate("email", R"({"to": "nobody"})"),
            "host: is required (or set SMTP_HOST); from: must be an email address (or set "
            "SMTP_FROM_EMAIL); to: 'nobody' is not an email address");
  EXPECT_EQ(h_.notifier.validate("webhook", R"({"url": "http://x", "headers": [{"key": 1}]})"),
            "headers: each header must be {\"key\": name, \"value\": text}");
}

}  // namespace
}  // namespace vigil
