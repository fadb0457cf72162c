// Subscriber mail end to end: a real `vigil serve` sending through a real SMTP server on loopback
// (aiosmtpd, configured with Kener's SMTP_* variables). A visitor subscribes to one monitor on
// the public form, confirms with the code from the mail, the subscription outlives a restart, a
// comment on an incident of that monitor arrives exactly once with a link to the incident and a
// one-click List-Unsubscribe URL, and POSTing that URL (RFC 8058) ends the subscription.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "fixture_server.hpp"
#include "json_response.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

constexpr auto kConfig = R"(
site:
  siteName: Acme status
monitors:
  - {tag: shop, name: Shop, monitor_type: NONE}
  - {tag: db, name: Database, monitor_type: NONE}
pages:
  - path: ""
    title: Acme
    header: Acme services
    monitors: [shop, db]
)";

//! How long a mail that must not come is waited for.
constexpr auto kGrace = std::chrono::seconds(3);

//! tests/support/smtp_receiver.py on a free loopback port, and the mails it received.
class Mailbox {
 public:
  //! The receiver's port.
  int port() const { return receiver_.port(); }

  //! Every mail received so far, oldest first (a line still being written is left for later).
  std::vector<json::object> mails() const {
    std::stringstream text;
    text << std::ifstream(path_).rdbuf();
    const std::string all = text.str();
    std::vector<json::object> out;
    for (std::size_t start = 0, end; (end = all.find('\n', start)) != std::string::npos;
         start = end + 1) {
      out.push_back(json::parse(all.substr(start, end - start)).as_object());
    }
    return out;
  }

 private:
  TempDir dir_;
  std::string path_ = dir_.file("mails.jsonl");
  FixtureServer receiver_{{"/usr/bin/python3", VIGIL_SMTP_RECEIVER, path_}, false};
};

//! A text field of a received mail.
std::string field(const json::object& mail, const char* name) {
  return std::string(mail.at(name).as_string());
}

//! A header of a received mail as a mail client reads it; "" when absent.
std::string header(const json::object& mail, const char* name) {
  const auto* value = mail.at("headers").as_object().if_contains(name);
  return value ? std::string(value->as_string()) : "";
}

//! Text `needle` is in `haystack`.
bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

//! A form POST as a browser (or a mail client's one-click unsubscribe) sends it.
ClientResponse post_form(const std::string& url, const std::string& body) {
  return http_request("POST", url, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
}

//! Points siteURL, which mail links start with, at the server's current address.
void set_site_url(const RunningVigil& vigil) {
  auto r = vigil.api("PATCH", "/api/v4/site/siteURL", R"({"value": ")" + vigil.base_url() + "\"}");
  ASSERT_EQ(r.status, 200) << r.body;
}

//! The subscriber messages in the delivery log.
std::size_t subscriber_deliveries(const RunningVigil& vigil) {
  auto r = vigil.api("GET", "/api/v4/deliveries?kind=subscriber");
  EXPECT_EQ(r.status, 200) << r.body;
  return parse_json(r).at("deliveries").as_array().size();
}

//! Creates an incident (not global) on monitor `tag` through the API; its id.
std::string create_incident(const RunningVigil& vigil, const std::string& title,
                            const std::string& tag) {
  auto r = vigil.api("POST", "/api/v4/incidents",
                     R"({"title": ")" + title + R"(", "start_date_time": )" +
                         std::to_string(now_s() - 120) +
                         R"(, "is_global": "NO", "monitors": [{"monitor_tag": ")" + tag + "\"}]}");
  EXPECT_EQ(r.status, 201) << r.body;
  return std::to_string(parse_json(r).at("incident").at("id").as_int64());
}

TEST(SubscriberProcess, VisitorSubscribesGetsEachUpdateOnceAndUnsubscribesInOneClick) {
  Mailbox mailbox;
  RunningVigil vigil(kConfig, {{"SMTP_HOST", "127.0.0.1"},
                               {"SMTP_PORT", std::to_string(mailbox.port())},
                               {"SMTP_FROM_EMAIL", "status@acme.test"}});
  ASSERT_NO_FATAL_FAILURE(set_site_url(vigil));

  // The visitor opens the form, which offers the page's monitors, and chooses Shop only.
  auto form = http_request("GET", vigil.base_url() + "/subscribe");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, R"(name="monitor_shop")")) << form.body;
  auto asked = post_form(vigil.base_url() + "/subscribe",
                         "email=Reader%40Example.com&incidents=on&scope=chosen&monitor_shop=on");
  ASSERT_EQ(asked.status, 200) << asked.body;

  ASSERT_TRUE(eventually([&] { return !mailbox.mails().empty(); })) << vigil.log();
  const json::object verification = mailbox.mails().at(0);
  EXPECT_EQ(verification.at("mail_from"), "status@acme.test");
  EXPECT_EQ(verification.at("rcpt_tos"), json::array{"reader@example.com"});
  EXPECT_EQ(header(verification, "List-Unsubscribe"), "") << "not subscribed yet";
  const std::string code_text = field(verification, "text");
  std::smatch code;
  ASSERT_TRUE(std::regex_search(code_text, code, std::regex("[0-9]{6}"))) << code_text;

  auto confirmed = post_form(vigil.base_url() + "/subscribe/confirm",
                             "email=reader%40example.com&code=" + code.str());
  ASSERT_EQ(confirmed.status, 303) << confirmed.body;
  const std::string location = confirmed.headers["location"];
  const std::string prefix = "/subscription/";
  ASSERT_EQ(location.rfind(prefix, 0), 0u) << location;
  const std::string token = location.substr(prefix.size(), location.find('?') - prefix.size());

  // The subscription is stored: it is still there after a restart. The restarted server has a
  // new port, so siteURL is pointed at it again.
  ASSERT_EQ(vigil.stop(), 0);
  vigil.restart();
  ASSERT_NO_FATAL_FAILURE(set_site_url(vigil));
  auto manage = http_request("GET", vigil.base_url() + "/subscription/" + token);
  ASSERT_EQ(manage.status, 200) << manage.body;
  EXPECT_TRUE(contains(manage.body, "reader@example.com"));

  // An incident on Database only is none of the visitor's business (no mail, checked below).
  // One on Shop (not global) mails its creation; a comment on it mails the update.
  create_incident(vigil, "Database slow", "db");
  const std::string id = create_incident(vigil, "Checkout failing", "shop");
  ASSERT_TRUE(eventually([&] { return mailbox.mails().size() >= 2; })) << vigil.log();
  EXPECT_EQ(field(mailbox.mails().at(1), "subject"),
            "[Acme status] New incident: Checkout failing");

  const std::string comments = "/api/v4/incidents/" + id + "/comments";
  auto commented =
      vigil.api("POST", comments, R"({"comment": "We found the cause.", "state": "IDENTIFIED"})");
  ASSERT_EQ(commented.status, 201) << commented.body;
  ASSERT_TRUE(eventually([&] { return mailbox.mails().size() >= 3; })) << vigil.log();
  std::this_thread::sleep_for(kGrace);
  const auto mails = mailbox.mails();
  ASSERT_EQ(mails.size(), 3u) << "exactly one mail for the comment";
  const json::object& update = mails[2];
  EXPECT_EQ(update.at("rcpt_tos"), json::array{"reader@example.com"});
  EXPECT_EQ(field(update, "subject"), "[Acme status] Checkout failing: IDENTIFIED");
  const std::string incident_url = vigil.base_url() + "/incidents/" + id;
  EXPECT_TRUE(contains(field(update, "text"), "We found the cause.")) << field(update, "text");
  EXPECT_TRUE(contains(field(update, "text"), incident_url)) << field(update, "text");
  EXPECT_TRUE(contains(field(update, "html"), "href=\"" + incident_url + "\""));
  const std::string unsubscribe_url = vigil.base_url() + "/unsubscribe/" + token;
  ASSERT_EQ(header(update, "List-Unsubscribe"), "<" + unsubscribe_url + ">");
  EXPECT_EQ(header(update, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");

  // One click: the mail client POSTs RFC 8058's body to the URL of the header.
  auto unsubscribed = post_form(unsubscribe_url, "List-Unsubscribe=One-Click");
  EXPECT_EQ(unsubscribed.status, 200) << unsubscribed.body;
  EXPECT_EQ(http_request("GET", vigil.base_url() + "/subscription/" + token).status, 404);
  EXPECT_EQ(parse_json(vigil.api("GET", "/api/v4/subscribers")).at("subscribers"), json::array{});

  // The next comment mails no one: nothing is queued, nothing arrives.
  auto resolved = vigil.api("POST", comments, R"({"comment": "Fixed.", "state": "RESOLVED"})");
  ASSERT_EQ(resolved.status, 201) << resolved.body;
  std::this_thread::sleep_for(kGrace);
  EXPECT_EQ(mailbox.mails().size(), 3u);
  EXPECT_EQ(subscriber_deliveries(vigil), 2u) << "Shop's incident and its first comment";
}

}  // namespace
}  // namespace vigil::testing
