// The email channel against a real SMTP server on loopback (aiosmtpd), plain and STARTTLS, and
// the headers of subscriber mails as a mail client receives them.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "fixture_server.hpp"
#include "notify_harness.hpp"
#include "services/subscriber_mail.hpp"

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

  //! Queues `message` and delivers it through a registry built from SMTP_* variables that name
  //! the receiver on `port` (how the server sends subscriber mail); the delivery must succeed.
  void deliver_with_smtp_environment(int port, const OutboxMessage& message) {
    h_.env["SMTP_HOST"] = "127.0.0.1";
    h_.env["SMTP_PORT"] = std::to_string(port);
    h_.env["SMTP_FROM_EMAIL"] = "status@example.com";
    // The registry reads SMTP_* when it is built: build one now that they are set.
    auto channels = ChannelRegistry::with_all_channels([this](const std::string& name) {
      auto it = h_.env.find(name);
      return it == h_.env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
    DeliveryWorker worker(
        h_.store, channels, h_.clock, [] { return 0.5; }, h_.settings);
    Notifier notifier(h_.store, channels, worker, h_.clock);
    ASSERT_TRUE(notifier.enqueue(message));
    ASSERT_EQ(worker.deliver_due(), 1u);
    auto log = h_.store.list({}).messages.at(0);
    EXPECT_EQ(log.status, DeliveryStatus::kSent) << log.last_error;
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
  EXPECT_FALSE(mail["headers"].as_object().contains("List-Unsubscribe")) << "not a list mail";
  EXPECT_FALSE(mail["headers"].as_object().contains("List-Unsubscribe-Post"));
}

TEST_F(EmailChannelTest, SubscriberMailOverStartTlsWithServerFromEnvironment) {
  auto server = start_receiver(true);
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
  ASSERT_NO_FATAL_FAILURE(deliver_with_smtp_environment(server->port(), m));
  auto mails = received();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["tls"], true);
  EXPECT_EQ(mails[0]["mail_from"], "status@example.com");
  EXPECT_EQ(mails[0]["subject"], "Incident: Ünïcode & more");
  EXPECT_EQ(mails[0]["text"], "Plain <text>");
  EXPECT_EQ(mails[0]["html"], "<p>Rich</p>");
}

TEST_F(EmailChannelTest, SubscriberMailHasOneClickUnsubscribeHeadersFoldedAndEncoded) {
  auto server = start_receiver(false);
  const std::string token = "5f0c9a71e2b84d36a0f1c7e95b2d48a6c3e17f09b5d2a84e6c1f3b7d9a0e2c45";
  SubscriberMail mail;
  mail.subject = "[Störungsstatus] Zahlungen über Karte schlagen fehl – wir untersuchen das";
  mail.text = "Plain";
  mail.html = "<p>Rich</p>";
  mail.unsubscribe_url = "https://status.example.com/störung/unsubscribe/" + token;
  ASSERT_NO_FATAL_FAILURE(deliver_with_smtp_environment(
      server->port(),
      email_message("reader@example.com", mail, "subscriber", "subscriber:9:incident-comment:31")));

  auto mails = received();
  ASSERT_EQ(mails.size(), 1u);
  // A mail client reads the headers as sent: the URL percent-encoded (header values are ASCII).
  const std::string url = "https://status.example.com/st%C3%B6rung/unsubscribe/" + token;
  auto& headers = mails[0]["headers"].as_object();
  EXPECT_EQ(headers["List-Unsubscribe"].as_string(), "<" + url + ">");
  EXPECT_EQ(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  EXPECT_EQ(mails[0]["subject"].as_string(), mail.subject);
  EXPECT_EQ(mails[0]["text"], "Plain");

  // On the wire: the URL does not fit a 78-character line with the name, so it is folded onto
  // a line of its own (a URL cannot be broken); the subject is encoded words on two lines. Every
  // other header line has at most 78 characters, and all are ASCII.
  const std::string raw(mails[0]["raw"].as_string());
  EXPECT_NE(raw.find("\r\nList-Unsubscribe:\r\n <" + url + ">\r\n"), std::string::npos) << raw;
  EXPECT_NE(raw.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            std::string::npos);
  EXPECT_NE(raw.find("\r\nSubject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(raw.find("?=\r\n =?UTF-8?B?"), std::string::npos) << "a second encoded word";
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  for (std::size_t start = 0; start <= head.size();) {
    const std::size_t end = std::min(head.find("\r\n", start), head.size());
    const std::string line = head.substr(start, end - start);
    if (line != " <" + url + ">") {
      EXPECT_LE(line.size(), 78u) << line;
    }
    EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](unsigned char c) { return c < 0x80; }))
        << line;
    start = end + 2;
  }
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
