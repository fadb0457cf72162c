// The public incident page `/incidents/{id}` through the Router with the real services on a
// SQLite file and the built-in templates, read as a visitor would: what it shows, what it
// escapes, which ids are a 404, and that an update shows on the next request despite the cache.
// Monitors api and db are visible, web is hidden (SubscriberFixture); the clock stands at
// 2023-11-14 22:13:20 UTC and incidents start an hour earlier, at 21:13.
#include "site/incident_page.hpp"

#include <gmock/gmock.h>

#include "site/public_routes.hpp"
#include "site_fixture.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class IncidentPageTest : public SiteFixture {
 protected:
  IncidentPageTest() { add_public_routes(router_, deps_); }

  //! Stores an incident that started an hour ago.
  Incident incident(const std::string& title, std::vector<MonitorImpact> monitors,
                    bool global = false) {
    Incident i;
    i.title = title;
    i.start_date_time = kStart - kHour;
    i.global = global;
    i.monitors = std::move(monitors);
    auto created = incidents_.create(i);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created.value() : Incident{};
  }

  void comment(const Incident& i, const std::string& text, IncidentState state, Seconds at) {
    auto added = incidents_.add_comment(i.id, text, state, at);
    EXPECT_TRUE(added.ok()) << added.error().message;
  }

  HttpResponse page(const Incident& i, const std::string& query = "",
                    const std::map<std::string, std::string>& headers = {}) {
    return send("GET", "/incidents/" + std::to_string(i.id) + query, "", headers);
  }

  //! The page text between `from` and `to` (both must be there).
  static std::string between(const std::string& body, const std::string& from,
                             const std::string& to) {
    const auto start = body.find(from);
    const auto end = body.find(to, start);
    EXPECT_NE(start, std::string::npos) << from;
    EXPECT_NE(end, std::string::npos) << to;
    if (start == std::string::npos || end == std::string::npos) return "";
    return body.substr(start, end - start);
  }
};

TEST_F(IncidentPageTest, ShowsStateTimesVisibleMonitorsAndUpdatesNewestFirst) {
  Incident i =
      incident("Checkout errors",
               {{"api", Status::kDown}, {"db", Status::kDegraded}, {"web", Status::kDown}});
  comment(i, "A bad deploy; **rolling back**.", IncidentState::kIdentified, kStart - 30 * kMinute);
  comment(i, "Rolled back, all good.", IncidentState::kResolved, kStart - 10 * kMinute);

  HttpResponse response = page(i);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_THAT(response.content_type, HasSubstr("text/html"));
  const std::string& body = response.body;
  EXPECT_THAT(body, HasSubstr("<title>Checkout errors · Acme &lt;Status&gt;</title>"));
  EXPECT_THAT(body, HasSubstr("<h1>Checkout errors</h1>"));
  EXPECT_THAT(body, HasSubstr(R"(<span class="pill s-up">Resolved</span>)"));
  EXPECT_THAT(body, HasSubstr("<dd>2023-11-14 21:13</dd>"));
  EXPECT_THAT(body, HasSubstr("<dd>2023-11-14 22:03 (50m)</dd>"));

  const std::string affected = between(body, "Affected monitors", "</ul>");
  EXPECT_THAT(
      affected,
      HasSubstr(R"(<a href="/monitors/api">api</a> <span class="pill s-down">DOWN</span>)"));
  EXPECT_THAT(
      affected,
      HasSubstr(R"(<a href="/monitors/db">db</a> <span class="pill s-degraded">DEGRADED</span>)"));
  EXPECT_THAT(body, Not(HasSubstr("/monitors/web")));  // hidden

  const std::string updates = between(body, "Updates", "Browse Events");
  const auto resolved = updates.find("Rolled back, all good.");
  const auto identified = updates.find("<strong>rolling back</strong>");
  ASSERT_NE(resolved, std::string::npos);
  ASSERT_NE(identified, std::string::npos);
  EXPECT_LT(resolved, identified);
  EXPECT_THAT(updates, HasSubstr("Identified</span> <span class=\"meta\">2023-11-14 21:43</span>"));
  EXPECT_THAT(body, HasSubstr(R"(<a href="/events/November-2023">Browse Events</a>)"));
}

TEST_F(IncidentPageTest, AnOpenIncidentWithoutUpdatesSaysSo) {
  Incident i = incident("Slow search", {{"db", Status::kDegraded}});
  const std::string body = page(i).body;
  EXPECT_THAT(body, HasSubstr(R"(<span class="pill s-degraded">Investigating</span>)"));
  EXPECT_THAT(body, HasSubstr("<dd>Not yet — still ongoing</dd>"));
  EXPECT_THAT(body, HasSubstr("No updates have been posted yet."));
  EXPECT_THAT(body, HasSubstr("Started 2023-11-14 21:13, still ongoing"));  // description
}

TEST_F(IncidentPageTest, TitlesAreTextAndRawHtmlInUpdatesIsDropped) {
  Incident i = incident("<script>alert(1)</script>", {{"api", Status::kDown}});
  comment(i,
          "Fixed <img src=x onerror=alert(2)> <script>alert(3)</script> [x](javascript:alert(4))",
          IncidentState::kMonitoring, kStart);
  const std::string body = page(i).body;
  EXPECT_THAT(body, HasSubstr("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_THAT(body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(body, Not(HasSubstr("onerror")));
  EXPECT_THAT(body, Not(HasSubstr("javascript:")));
  EXPECT_THAT(body, HasSubstr("Fixed"));
}

TEST_F(IncidentPageTest, UnknownNonNumericAndHiddenOnlyIncidentsAreTheNotFoundPage) {
  Incident hidden = incident("Secret trouble", {{"web", Status::kDown}});
  for (const std::string& target :
       {"/incidents/" + std::to_string(hidden.id), std::string("/incidents/999"),
        std::string("/incidents/abc"), std::string("/incidents/1x"), std::string("/incidents/-1"),
        std::string("/incidents/rss.xml")}) {
    SCOPED_TRACE(target);
    HttpResponse response = send("GET", target);
    EXPECT_EQ(response.status, 404);
    EXPECT_THAT(response.content_type, HasSubstr("text/html"));
    EXPECT_THAT(response.body, HasSubstr("Page not found"));
    EXPECT_THAT(response.body, Not(HasSubstr("Secret trouble")));
  }
  // A global incident has a page even when its monitors are all hidden; they stay unlisted.
  Incident global = incident("Everything is slow", {{"web", Status::kDegraded}}, true);
  HttpResponse response = page(global);
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(response.body, HasSubstr("Everything is slow"));
  EXPECT_THAT(response.body, Not(HasSubstr("Affected monitors")));
}

TEST_F(IncidentPageTest, TimesFollowThePagesZoneAndTextsItsLanguage) {
  Incident i = incident("Checkout errors", {{"api", Status::kDown}});
  EXPECT_THAT(page(i, "?tz=Europe/Berlin").body, HasSubstr("<dd>2023-11-14 22:13</dd>"));
  ASSERT_TRUE(site_.update("timezone", R"("Asia/Tokyo")").ok());
  EXPECT_THAT(page(i).body, HasSubstr("<dd>2023-11-15 06:13</dd>"));
  ASSERT_TRUE(site_
                  .update("i18n", R"({"defaultLocale":"en","locales":[{"code":"en","name":)"
                                  R"("English"},{"code":"de","name":"Deutsch"}]})")
                  .ok());
  const std::string german = page(i, "?locale=de").body;
  EXPECT_THAT(german, HasSubstr("<dt>Begonnen</dt>"));
  EXPECT_THAT(german, HasSubstr("<dd>Noch nicht – dauert noch an</dd>"));
  EXPECT_THAT(german, HasSubstr("<h2>Betroffene Monitore</h2>"));
}

TEST_F(IncidentPageTest, AnUpdateShowsOnTheNextRequestDespiteTheCache) {
  Incident i = incident("Checkout errors", {{"api", Status::kDown}});
  HttpResponse first = page(i, "", {{"accept-encoding", "gzip"}});
  ASSERT_EQ(first.status, 200);
  const std::string etag = header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(page(i, "", {{"accept-encoding", "gzip"}, {"if-none-match", etag}}).status, 304);

  comment(i, "We found the cause.", IncidentState::kIdentified, kStart);
  HttpResponse updated = page(i, "", {{"if-none-match", etag}});
  ASSERT_EQ(updated.status, 200);
  EXPECT_NE(header(updated, "ETag"), etag);
  EXPECT_THAT(updated.body, HasSubstr("We found the cause."));
  EXPECT_THAT(updated.body, HasSubstr(R"(<span class="pill s-down">Identified</span>)"));

  comment(i, "Fixed.", IncidentState::kResolved, kStart);
  EXPECT_THAT(page(i).body, HasSubstr(R"(<span class="pill s-up">Resolved</span>)"));
}

TEST_F(IncidentPageTest, EventListsLinkTitlesToIncidentPagesThatExist) {
  Incident shown = incident("Checkout errors", {{"api", Status::kDown}});
  Incident hidden = incident("Secret trouble", {{"web", Status::kDown}});
  const std::string link = "<a href=\"/incidents/" + std::to_string(shown.id) + "\">";
  EXPECT_THAT(send("GET", "/shop").body, HasSubstr(link + "Checkout errors</a>"));
  const std::string events = send("GET", "/events/November-2023").body;
  EXPECT_THAT(events, HasSubstr(link + "Checkout errors</a>"));
  EXPECT_THAT(events, HasSubstr("<strong>Secret trouble</strong>"));  // no page, no link
  EXPECT_THAT(events, Not(HasSubstr("/incidents/" + std::to_string(hidden.id))));
}

}  // namespace
}  // namespace vigil::testing
