// The email channel against a real SMTP server on loopback (aiosmtpd), plain and STARTTLS.
#include <gtest/gtest.h>

#include <fstream>

#include "fixture_server.hpp"
#include "notify_harness.hpp"

namespace vigil {
namespace {

namespace json = boost::json;
using testing::FixtureServer;
using testing::NotifyHarness;

class EmailChannelTest : public ::testing::Test {
 protected:
  //! Starts the receiver, with STARTTLS offered when `tls`.
  std::unique_ptr<FixtureServer> start_receiver(bool tls) {
    std::vector<std::string> command{"/usr/bin/python3", VIGIL_SMTP_RECEIVER, mails_};
    if (tls) {
      std::string cert = h_.dir.file("cert.pem"), key = h_.dir.file("key.pem");
      testing::make_self_signed_certificate(cert, key);
      command.insert(command.end(), {"--starttls", cert, key});
    }
    return std::make_unique<FixtureServer>(command, false);
  }

  //! The messages the receiver got.
  std::vector<json::object> received() const {
    std::vector<json::object> out;
    std::ifstream in(mails_);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line).as_object());
    return out;
  }

  NotifyHarness h_;
  std::string mails_ = h_.dir.file("mails.jsonl");
};

TEST_F(EmailChannelTest, KenerTriggerMailIsHtmlWithEscapedValues) {
  auto server = start_receiver(false);
  json::object config{{"host", "127.0.0.1"},
                      {"port", server->port()},
                      {"from", "Vigil <alerts@example.com>"},
                      {"to", "ops@example.com, Dev Team <dev@example.com>"},
                      {"subject", "{{alert_status}}: {{alert_name}}"}};
  ASSERT_EQ(h_.notifier.validate("email", json::serialize(config)), std::nullopt);
  ASSERT_TRUE(h_.notifier.enqueue(NotifyHarness::message("email", config, "mail-1")));
  ASSERT_EQ(h_.worker.deliver_due(), 1u);
  auto log = h_.store.list({}).messages.at(0);
  EXPECT_EQ(log.status, DeliveryStatus::kSent) << log.last_error;
  auto mails = received();
  ASSERT_EQ(mails.size(), 1u);
  auto& mail = mails[0];
  EXPECT_EQ(mail["mail_from"], "alerts@example.com");
  EXPECT_EQ(mail["rcpt_tos"], (json::array{"ops@example.com", "dev@example.com"}));
  EXPECT_EQ(mail["tls"], false);
  EXPECT_EQ(mail["subject"], "TRIGGERED: API \"down\"");
  EXPECT_EQ(mail["message_id"], "<mail-1@vigil>");
  std::string html(mail["html"].as_string());
  EXPECT_NE(html.find("<p>API is down &lt;b&gt;now&lt;/b&gt;</p>"), std::string::npos) << html;
  EXPECT_EQ(mail["text"], "");
}

TEST_F(EmailChannelTest, SubscriberMailOverStartTlsWithServerFromEnvironment) {
  auto server = start_receiver(true);
  h_.env["SMTP_HOST"] = "127.0.0.1";
  h_.env["SMTP_PORT"] = std::to_string(server->port());
  h_.env["SMTP_FROM_EMAIL"] = "status@example.com";
  // The registry reads SMTP_* when it is built: build one now that they are set.
  auto channels = ChannelRegistry::with_all_channels([this](const std::string& name) {
    auto it = h_.env.find(name);
    return it == h_.env.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
  DeliveryWorker worker(
      h_.store, channels, h_.clock, [] { return 0.5; }, h_.settings);
  Notifier notifier(h_.store, channels, worker, h_.clock);
  OutboxMessage m;
  m.idempotency_key = "subscriber-9-incident-3";
  m.kind = "subscriber";
  m.channel = "email";
  m.channel_config = json::serialize(json::object{{"to", "reader@example.com"},
                                                  {"subject", "{{{subject}}}"},
                                                  {"body", "{{{body}}}"},
                                                  {"html", "{{{html}}}"},
                                                  {"starttls", true},
                                                  {"tls_verify", false}});
  m.variables = json::serialize(json::object{
      {"subject", "Incident: Ünïcode & more"}, {"body", "Plain <text>"}, {"html", "<p>Rich</p>"}});
  ASSERT_TRUE(notifier.enqueue(m));
  ASSERT_EQ(worker.deliver_due(), 1u);
  auto log = h_.store.list({}).messages.at(0);
  EXPECT_EQ(log.status, DeliveryStatus::kSent) << log.last_error;
  auto mails = received();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["tls"], true);
  EXPECT_EQ(mails[0]["mail_from"], "status@example.com");
  EXPECT_EQ(mails[0]["subject"], "Incident: Ünïcode & more");
  EXPECT_EQ(mails[0]["text"], "Plain <text>");
  EXPECT_EQ(mails[0]["html"], "<p>Rich</p>");
}

TEST_F(EmailChannelTest, RequiredStartTlsRefusesAPlainServerAndRetries) {
  auto server = start_receiver(false);
  json::object config{{"host", "127.0.0.1"},
                      {"port", server->port()},
                      {"from", "a@example.com"},
                      {"to", "b@example.com"},
                      {"starttls", true}};
  ASSERT_TRUE(h_.notifier.enqueue(NotifyHarness::message("email", config, "mail-2")));
  ASSERT_EQ(h_.worker.deliver_due(), 1u);
  auto log = h_.store.list({}).messages.at(0);
  EXPECT_EQ(log.status, DeliveryStatus::kPending);
  EXPECT_FALSE(log.last_error.empty());
  EXPECT_TRUE(received().empty());
}

}  // namespace
}  // namespace vigil
