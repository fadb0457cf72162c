// The public subscription flow through the Router, as a browser without JavaScript goes through
// it: the form, the mailed code, the manage page and the unsubscribe confirmation, with the real
// services on a SQLite file, the built-in templates and a recording outbox.
#include "site/subscribe_routes.hpp"

#include <gmock/gmock.h>

#include "site_fixture.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class SubscribeRoutesTest : public SiteFixture {
 protected:
  SubscribeRoutesTest() { add_subscribe_routes(router_, deps_, subscribers_); }
};

TEST_F(SubscribeRoutesTest, TheFormOffersPagesAndVisibleMonitorsAndPreselectsAPage) {
  HttpResponse form = send("GET", "/subscribe?page=shop");
  EXPECT_EQ(form.status, 200);
  EXPECT_THAT(form.content_type, HasSubstr("text/html"));
  EXPECT_EQ(header(form, "Cache-Control"), "no-store");
  EXPECT_THAT(form.body, HasSubstr(R"(action="/subscribe")"));
  EXPECT_THAT(form.body, HasSubstr(R"(name="monitor_api")"));
  EXPECT_THAT(form.body, HasSubstr(R"(name="monitor_db")"));
  EXPECT_THAT(form.body, Not(HasSubstr(R"(name="monitor_web")")));  // hidden
  EXPECT_THAT(form.body,
              HasSubstr("name=\"page_" + std::to_string(shop_) + "\" value=\"on\" checked"));
  EXPECT_THAT(form.body, HasSubstr(R"(value="chosen" checked)"));
  ASSERT_TRUE(site_
                  .update("i18n", R"({"defaultLocale":"en","locales":[{"code":"en","name":)"
                                  R"("English"},{"code":"de","name":"Deutsch"}]})")
                  .ok());
  EXPECT_THAT(send("GET", "/subscribe?locale=de").body, HasSubstr("Updates abonnieren"));
}

TEST_F(SubscribeRoutesTest, BadInputGivesTheFormBackWithAnErrorAndEscapedValues) {
  HttpResponse bad =
      send("POST", "/subscribe", "email=%22%3E%3Cscript%3Ex%3C%2Fscript%3E&incidents=on&scope=all");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("not a valid email address"));
  EXPECT_THAT(bad.body, Not(HasSubstr("<script>x")));
  EXPECT_THAT(bad.body, HasSubstr("&quot;&gt;&lt;script&gt;"));
  HttpResponse nothing = send("POST", "/subscribe", "email=ada%40example.com&scope=all");
  EXPECT_EQ(nothing.status, 400);
  EXPECT_THAT(nothing.body, HasSubstr("choose incidents, maintenances or both"));
  EXPECT_EQ(send("POST", "/subscribe", "%%%").status, 400);
  EXPECT_TRUE(port_.queued().empty());
}

TEST_F(SubscribeRoutesTest, AVisitorSubscribesManagesAndUnsubscribes) {
  HttpResponse asked =
      send("POST", "/subscribe", "email=ada%40example.com&incidents=on&scope=chosen&monitor_db=on");
  ASSERT_EQ(asked.status, 200);
  EXPECT_THAT(asked.body, HasSubstr(R"(action="/subscribe/confirm")"));
  EXPECT_THAT(asked.body, HasSubstr(R"(name="email" value="ada@example.com")"));

  EXPECT_EQ(send("POST", "/subscribe/confirm", "email=ada%40example.com&code=abc").status, 400);
  HttpResponse confirmed = send("POST", "/subscribe/confirm",
                                "email=ada%40example.com&code=" + code_sent_to("ada@example.com"));
  ASSERT_EQ(confirmed.status, 303);
  const std::string location = header(confirmed, "Location");
  ASSERT_THAT(location, HasSubstr("/subscription/"));
  const std::string token = location.substr(std::string("/subscription/").size(), 64);
  ASSERT_TRUE(subscribers_.by_token(token).ok());

  HttpResponse manage = send("GET", location);
  EXPECT_EQ(manage.status, 200);
  EXPECT_THAT(manage.body, HasSubstr("ada@example.com"));
  EXPECT_THAT(manage.body, HasSubstr(R"(name="monitor_db" value="on" checked)"));
  EXPECT_THAT(manage.body, HasSubstr(R"(name="maintenances" value="on">)"));

  HttpResponse saved = send("POST", "/subscription/" + token,
                            "maintenances=on&scope=chosen&page_" + std::to_string(data_) + "=on");
  EXPECT_EQ(saved.status, 200);
  auto now = subscribers_.by_token(token);
  EXPECT_FALSE(now->preferences.incidents);
  EXPECT_TRUE(now->preferences.maintenances);
  EXPECT_EQ(now->preferences.page_ids, std::vector<std::int64_t>{data_});

  HttpResponse ask = send("GET", "/unsubscribe/" + token);
  EXPECT_EQ(ask.status, 200);
  EXPECT_THAT(ask.body, HasSubstr("method=\"post\" action=\"/unsubscribe/" + token + "\""));
  EXPECT_TRUE(subscribers_.by_token(token).ok());  // a GET (a mail scanner) ends nothing

  HttpResponse gone = send("POST", "/unsubscribe/" + token, "List-Unsubscribe=One-Click");
  EXPECT_EQ(gone.status, 200);
  EXPECT_FALSE(subscribers_.by_token(token).ok());
  EXPECT_EQ(send("GET", "/subscription/" + token).status, 404);
  EXPECT_EQ(send("POST", "/unsubscribe/" + token).status, 404);
}

}  // namespace
}  // namespace vigil::testing
