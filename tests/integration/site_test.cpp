// The public site end to end: pages, monitor pages, events, incident pages, embeds, feeds,
// caching and the live feed, read over HTTP from a real server as a browser or a feed reader would.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "http_client.hpp"
#include "json_response.hpp"
#include "raw_connection.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

constexpr auto kConfig = R"(
site:
  siteName: Acme status
  siteURL: https://status.acme.test
monitors:
  - {tag: web, name: Web shop, monitor_type: NONE}
  - {tag: db, name: "<script>alert(1)</script>", monitor_type: NONE}
  - {tag: secret, name: Hidden one, monitor_type: NONE, is_hidden: true}
pages:
  - path: ""
    title: Acme
    header: Acme services
    subheader: "All **Acme** services. <b>raw html</b>"
    monitors: [web, db, secret]
  - path: internal
    title: Internal
    header: Internal tools
    monitors: [db]
)";

class SiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vigil_ = new RunningVigil(kConfig); }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }

  static ClientResponse get(const std::string& path,
                            const std::map<std::string, std::string>& headers = {}) {
    return http_request("GET", vigil_->base_url() + path, "", headers);
  }

  // Marks the current minute of `tag` with `status` through the v4 push path.
  static void push(const std::string& tag, const std::string& status) {
    auto r = vigil_->api("PATCH", "/api/v4/monitors/" + tag + "/data/" + std::to_string(now_s()),
                         R"({"status":")" + status + R"(","latency":120})");
    ASSERT_EQ(r.status, 200) << r.body;
  }

  static std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  }

  static RunningVigil* vigil_;
};

RunningVigil* SiteTest::vigil_ = nullptr;

TEST_F(SiteTest, HomePageShowsItsVisibleMonitorsWithNinetyDayBars) {
  push("web", "UP");
  push("db", "DOWN");
  auto page = get("/");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>Acme</title>"), std::string::npos);
  EXPECT_NE(page.body.find("Acme services"), std::string::npos);
  EXPECT_NE(page.body.find("Web shop"), std::string::npos);
  EXPECT_EQ(page.body.find("Hidden one"), std::string::npos);
  EXPECT_EQ(count(page.body, "<article class=\"monitor\""), 2U);
  EXPECT_EQ(count(page.body, "<i class=\"s-"), 180U);  // 90 days for each of 2 monitors
  EXPECT_NE(page.body.find("Partial System Outage"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>Acme</strong>"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>raw html</b>"), std::string::npos);
}

TEST_F(SiteTest, UserTextIsEscaped) {
  auto page = get("/internal");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(SiteTest, SecondPageShowsOnlyItsMonitors) {
  auto page = get("/internal");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Internal tools"), std::string::npos);
  EXPECT_EQ(page.body.find("Web shop"), std::string::npos);
  EXPECT_EQ(get("/no-such-page").status, 404);
}

TEST_F(SiteTest, PagesAreCachedWithEtagGzipAndNotModified) {
  auto first = get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.headers["content-encoding"], "gzip");
  const std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  auto again = get("/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(SiteTest, LanguageFollowsTheQueryAndAcceptLanguage) {
  vigil_->api("PATCH", "/api/v4/site/i18n",
              R"({"value":{"defaultLocale":"en","locales":[{"code":"en","name":"English"},)"
              R"({"code":"de","name":"Deutsch"},{"code":"fr","name":"Français"}]}})");
  auto german = get("/", {{"Accept-Language", "de-DE,de;q=0.9"}});
  ASSERT_EQ(german.status, 200);
  EXPECT_NE(german.body.find("lang=\"de\""), std::string::npos);
  auto french = get("/?locale=fr");
  EXPECT_NE(french.body.find("lang=\"fr\""), std::string::npos);
}

TEST_F(SiteTest, MonitorPageHasChartRangesAndDayMinutes) {
  push("web", "DEGRADED");
  auto page = get("/monitors/web?range=1h");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("range=90d"), std::string::npos);
  const auto local = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(local);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", std::gmtime(&t));
  auto minutes = get(std::string("/monitors/web?day=") + day);
  ASSERT_EQ(minutes.status, 200);
  EXPECT_GE(count(minutes.body, "<i class=\"s-"), 1440U + 90U);
  EXPECT_EQ(get("/monitors/web?range=2y").status, 400);
  EXPECT_EQ(get("/monitors/secret").status, 404);
}

TEST_F(SiteTest, EventsPageListsTheMonthsIncidents) {
  auto created = vigil_->api("POST", "/api/v4/incidents",
                             R"({"title":"Checkout errors","start_date_time":)" +
                                 std::to_string(now_s() - 600) +
                                 R"(,"monitors":[{"monitor_tag":"web","impact":"DOWN"}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::time_t t = now_s();
  char month[32];
  std::strftime(month, sizeof month, "%B-%Y", std::gmtime(&t));
  auto events = get(std::string("/events/") + month);
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_NE(events.body.find("Checkout errors"), std::string::npos);
  const auto home = get("/");
  ASSERT_NE(home.body.find("Checkout errors"), std::string::npos) << home.status << home.body;
  // A page whose settings turn incidents off does not show them (Kener's incidents.enabled).
  auto hide = vigil_->api("PATCH", "/api/v4/pages/~home",
                          R"({"page_settings": {"incidents": {"enabled": false}}})");
  ASSERT_EQ(hide.status, 200) << hide.body;
  EXPECT_EQ(get("/").body.find("Checkout errors"), std::string::npos);
  auto show = vigil_->api("PATCH", "/api/v4/pages/~home",
                          R"({"page_settings": {"incidents": {"enabled": true}}})");
  ASSERT_EQ(show.status, 200) << show.body;
  EXPECT_NE(get("/").body.find("Checkout errors"), std::string::npos);
  EXPECT_EQ(get("/events/Smarch-2026").status, 400);
  auto feed = get("/rss.xml");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.headers["content-type"].find("application/rss+xml"), std::string::npos);
  EXPECT_NE(feed.body.find("<rss version=\"2.0\""), std::string::npos);
  EXPECT_NE(feed.body.find("Checkout errors"), std::string::npos);
  // Items link to the incident's own page.
  const auto id = parse_json(created).at("incident").at("id").as_int64();
  EXPECT_NE(
      feed.body.find("<link>https://status.acme.test/incidents/" + std::to_string(id) + "</link>"),
      std::string::npos)
      << feed.body;
}

TEST_F(SiteTest, IncidentPageShowsTheIncidentAndEachNewUpdate) {
  auto created = vigil_->api("POST", "/api/v4/incidents",
                             R"({"title":"Payment <delays>","is_global":"NO","start_date_time":)" +
                                 std::to_string(now_s() - 300) +
                                 R"(,"monitors":[{"monitor_tag":"web","impact":"DEGRADED"},)"
                                 R"({"monitor_tag":"secret","impact":"DOWN"}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string api_path =
      "/api/v4/incidents/" + std::to_string(parse_json(created).at("incident").at("id").as_int64());
  const std::string page_path = api_path.substr(std::string("/api/v4").size());
  auto first = get(page_path);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("<h1>Payment &lt;delays&gt;</h1>"), std::string::npos);
  EXPECT_NE(first.body.find("<a href=\"/monitors/web\">Web shop</a>"), std::string::npos);
  EXPECT_EQ(first.body.find("Hidden one"), std::string::npos);
  EXPECT_NE(get("/").body.find("<a href=\"" + page_path + "\">"), std::string::npos);

  auto update = vigil_->api("POST", api_path + "/comments",
                            R"({"comment":"Card payments **recovered**","state":"MONITORING"})");
  ASSERT_EQ(update.status, 201) << update.body;
  auto second = get(page_path);
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("<strong>recovered</strong>"), std::string::npos);
  EXPECT_NE(second.body.find(">Monitoring</span>"), std::string::npos);
  auto resolve = vigil_->api("POST", api_path + "/comments",
                             R"({"comment":"All payments are through.","state":"RESOLVED"})");
  ASSERT_EQ(resolve.status, 201) << resolve.body;
  EXPECT_NE(get(page_path).body.find("<span class=\"pill s-up\">Resolved</span>"),
            std::string::npos);
  EXPECT_EQ(get("/incidents/999999").status, 404);
  EXPECT_EQ(get("/incidents/latest").status, 404);
}

TEST_F(SiteTest, EmbedsRenderAsFramesAndScripts) {
  auto frame = get("/embed/monitor-web?theme=dark&days=30");
  ASSERT_EQ(frame.status, 200) << frame.body;
  EXPECT_NE(frame.body.find("data-theme=\"dark\""), std::string::npos);
  EXPECT_EQ(count(frame.body, "<i class=\"s-"), 30U);
  auto chart = get("/embed/latency-web?days=7&height=150");
  ASSERT_EQ(chart.status, 200);
  EXPECT_NE(chart.body.find("<svg"), std::string::npos);
  auto script = get("/embed/monitor-web/js?theme=light");
  ASSERT_EQ(script.status, 200);
  EXPECT_NE(script.body.find("/embed/monitor-web?theme=light"), std::string::npos);
  EXPECT_EQ(get("/embed/events/live").status, 200);
  EXPECT_EQ(get("/embed/monitor-secret").status, 404);
  EXPECT_EQ(get("/embed/monitor-web?theme=pink").status, 400);
}

TEST_F(SiteTest, SitemapAndRobots) {
  const auto incident_on = [&](const std::string& tag) {
    auto created = vigil_->api(
        "POST", "/api/v4/incidents",
        R"({"title":"Slow","is_global":"NO","start_date_time":)" + std::to_string(now_s() - 600) +
            R"(,"monitors":[{"monitor_tag":")" + tag + R"(","impact":"DOWN"}]})");
    EXPECT_EQ(created.status, 201) << created.body;
    return "/incidents/" + std::to_string(parse_json(created).at("incident").at("id").as_int64()) +
           "</loc>";
  };
  const auto public_incident = incident_on("web");
  const auto hidden_incident = incident_on("secret");
  auto sitemap = get("/sitemap.xml");
  ASSERT_EQ(sitemap.status, 200);
  EXPECT_NE(sitemap.body.find("<loc>https://status.acme.test/internal</loc>"), std::string::npos);
  EXPECT_NE(sitemap.body.find("/monitors/web</loc>"), std::string::npos);
  EXPECT_EQ(sitemap.body.find("/monitors/secret"), std::string::npos);
  EXPECT_NE(sitemap.body.find(public_incident), std::string::npos) << sitemap.body;
  EXPECT_EQ(sitemap.body.find(hidden_incident), std::string::npos) << sitemap.body;
  auto robots = get("/robots.txt");
  EXPECT_NE(robots.body.find("Sitemap: https://status.acme.test/sitemap.xml"), std::string::npos);
}

TEST_F(SiteTest, LiveFeedSendsStatusChanges) {
  push("web", "UP");
  RawConnection live(vigil_->port());
  live.send("GET /api/live?tags=web HTTP/1.1\r\nHost: test\r\n\r\n");
  ASSERT_TRUE(live.read_until("\"status\":\"UP\"", std::chrono::milliseconds(5000)));
  push("web", "DOWN");
  EXPECT_TRUE(live.read_until("\"status\":\"DOWN\"", std::chrono::milliseconds(5000)));
}

}  // namespace
}  // namespace vigil::testing
