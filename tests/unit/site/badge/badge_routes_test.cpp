// The /badge routes through a Router with real services: MonitorService over an in-memory store,
// LiveState, StatusSummaryService over fake rollup sums, ResponseCache and a FakeClock.
#include "site/badge/badge_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fake_clock.hpp"
#include "http/request_target.hpp"

namespace vigil {
namespace {

using testing::FakeClock;

constexpr Millis kNow = 1'700'000'000'000;

//! Monitors kept in a map.
class MemoryMonitorStore final : public MonitorStore {
 public:
  std::vector<MonitorSpec> list() override {
    std::vector<MonitorSpec> all;
    for (const auto& [tag, spec] : specs_) all.push_back(spec);
    return all;
  }
  std::optional<MonitorSpec> get(std::string_view tag) override {
    const auto it = specs_.find(std::string(tag));
    if (it == specs_.end()) return std::nullopt;
    return it->second;
  }
  Result<MonitorSpec> create(const MonitorSpec& spec) override { return specs_[spec.tag] = spec; }
  Result<MonitorSpec> update(const MonitorSpec& spec) override { return specs_[spec.tag] = spec; }
  bool remove(std::string_view tag) override { return specs_.erase(std::string(tag)) > 0; }

 private:
  std::map<std::string, MonitorSpec> specs_;
};

//! Accepts every monitor.
class AnyTypeCatalog final : public MonitorTypeCatalog {
 public:
  std::optional<std::string> check(const MonitorSpec&) const override { return std::nullopt; }
  void prepare(MonitorSpec&, const MonitorSpec*) const override {}
  MonitorSpec redact(const MonitorSpec& spec) const override { return spec; }
  std::vector<std::string> dependencies(const MonitorSpec&) const override { return {}; }
};

Bucket counts(std::int64_t up, std::int64_t down, double latency_ms) {
  Bucket b;
  b.counts.up = up;
  b.counts.down = down;
  for (std::int64_t i = 0; i < up + down; ++i) b.latency.add(latency_ms);
  return b;
}

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return {};
}

class BadgeRoutesTest : public ::testing::Test {
 protected:
  BadgeRoutesTest() {
    add("api", "API Server");
    add("web", "Website");
    add("secret", "Secret", [](MonitorSpec& m) { m.hidden = true; });
    add("paused", "Paused", [](MonitorSpec& m) { m.active = false; });
    add_badge_routes(router_, BadgeRouteDeps{monitors_, summaries_, live_, site_, cache_, clock_,
                                             [this] { return site_name_; }});
  }

  void add(const std::string& tag, const std::string& name,
           const std::function<void(MonitorSpec&)>& edit = {}) {
    MonitorSpec spec;
    spec.tag = tag;
    spec.name = name;
    if (edit) edit(spec);
    ASSERT_TRUE(monitors_.create(spec).ok());
  }

  void set_live(const std::string& tag, Status status) {
    live_.set(tag, LiveStatus{status, 10, clock_.now_ms(), "MANUAL", clock_.now_ms()});
  }

  HttpResponse get(const std::string& target, std::map<std::string, std::string> headers = {}) {
    HttpRequest request;
    request.method = "GET";
    request.target = target;
    request.headers = std::move(headers);
    EXPECT_TRUE(parse_request_target(target, request));
    return router_.dispatch(request);
  }

  MemoryMonitorStore store_;
  AnyTypeCatalog catalog_;
  MonitorService monitors_{store_, catalog_};
  FakeClock clock_{kNow};
  LiveState live_;
  SiteRevision site_;
  ResponseCache cache_;
  std::map<std::string, Bucket> sums_per_read_;
  int reads_ = 0;
  StatusSummaryService summaries_{[this](Granularity, Seconds, Seconds) {
                                    ++reads_;
                                    return sums_per_read_;
                                  },
                                  live_, clock_};
  std::string site_name_;
  Router router_;
};

TEST_F(BadgeRoutesTest, StatusBadgeShowsNameAndLiveStatus) {
  set_live("api", Status::kUp);
  const auto response = get("/badge/api/status");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.content_type, "image/svg+xml");
  EXPECT_EQ(header(response, "Cache-Control"), "public, max-age=60");
  EXPECT_NE(response.body.find("<title>API Server: UP</title>"), std::string::npos);
  EXPECT_NE(response.body.find(R"(fill="#00dfa2")"), std::string::npos);
  EXPECT_NE(response.body.find(R"(fill="#333")"), std::string::npos);  // Kener's label colour
  EXPECT_EQ(reads_, 0);  // the live state is enough: no rollup read

  const auto custom =
      get("/badge/api/status?label=Backend&color=red&labelColor=blue&style=plastic");
  EXPECT_NE(custom.body.find("<title>Backend: UP</title>"), std::string::npos);
  EXPECT_NE(custom.body.find(R"(fill="#e05d44")"), std::string::npos);
  EXPECT_NE(custom.body.find(R"(fill="#007ec6")"), std::string::npos);
  EXPECT_NE(custom.body.find(R"(height="18")"), std::string::npos);
}

TEST_F(BadgeRoutesTest, NeverSeenIsNoData) {
  const auto response = get("/badge/web/status");
  EXPECT_NE(response.body.find("<title>Website: NO_DATA</title>"), std::string::npos);
}

TEST_F(BadgeRoutesTest, HiddenInactiveAndUnknownMonitorsAreNotFound) {
  set_live("secret", Status::kDown);
  for (const std::string target :
       {"/badge/secret/status", "/badge/paused/uptime", "/badge/nope/latency", "/badge/nope/dot"}) {
    const auto response = get(target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.content_type, "image/svg+xml") << target;
    EXPECT_NE(response.body.find("<title>badge: not found</title>"), std::string::npos);
    EXPECT_EQ(response.body.find("Secret"), std::string::npos);
  }
}

TEST_F(BadgeRoutesTest, UptimeBadgeUsesTheWindowAndItsDuration) {
  sums_per_read_ = {{"api", counts(999, 1, 120)}};
  const auto response = get("/badge/api/uptime");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("<title>API Server 90d: 99.9%</title>"), std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find(R"(fill="#4c1")"), std::string::npos);  // >= 99.9 band

  EXPECT_NE(get("/badge/api/uptime?sinceLast=900").body.find("API Server 15m: 99.9%"),
            std::string::npos);
  EXPECT_NE(get("/badge/api/uptime?sinceLast=21600").body.find("API Server 6h: 99.9%"),
            std::string::npos);
  EXPECT_NE(get("/badge/api/uptime?hideDuration=true").body.find("<title>API Server: 99.9%"),
            std::string::npos);
  EXPECT_NE(get("/badge/api/uptime?label=Up").body.find("<title>Up: 99.9%"), std::string::npos);
  EXPECT_NE(get("/badge/web/uptime").body.find("<title>Website 90d: -</title>"), std::string::npos);
}

TEST_F(BadgeRoutesTest, LatencyBadgeMetrics) {
  Bucket mixed = counts(1, 0, 100);
  mixed.latency.add(1500);
  sums_per_read_ = {{"api", mixed}};
  EXPECT_NE(get("/badge/api/latency").body.find("API Server 90d: 800ms"), std::string::npos);
  EXPECT_NE(get("/badge/api/latency?metric=maximum").body.find("API Server 90d: 1.50s"),
            std::string::npos);
  EXPECT_NE(get("/badge/api/latency?metric=minimum").body.find("API Server 90d: 100ms"),
            std::string::npos);
  EXPECT_NE(get("/badge/api/latency?metric=average").body.find(R"(fill="#0079ff")"),
            std::string::npos);
}

TEST_F(BadgeRoutesTest, AllTagAggregatesPublicMonitors) {
  set_live("api", Status::kUp);
  set_live("web", Status::kDegraded);
  set_live("secret", Status::kDown);
  set_live("paused", Status::kDown);
  EXPECT_NE(get("/badge/_/status").body.find("<title>All Monitors: DEGRADED</title>"),
            std::string::npos);

  site_name_ = "Acme Status";
  sums_per_read_ = {
      {"api", counts(3, 0, 100)}, {"web", counts(0, 1, 300)}, {"secret", counts(0, 50, 900)}};
  EXPECT_NE(get("/badge/_/uptime?sinceLast=3600").body.find("<title>Acme Status 1h: 75%"),
            std::string::npos);
  EXPECT_NE(get("/badge/_/latency?sinceLast=3600").body.find("<title>Acme Status 1h: 150ms"),
            std::string::npos);
}

TEST_F(BadgeRoutesTest, DotBadge) {
  set_live("api", Status::kDown);
  const auto dot = get("/badge/api/dot");
  ASSERT_EQ(dot.status, 200);
  EXPECT_NE(dot.body.find(R"(width="32" height="32")"), std::string::npos);
  EXPECT_NE(dot.body.find(R"(fill="#ca3038")"), std::string::npos);
  EXPECT_EQ(dot.body.find("<animate"), std::string::npos);
  EXPECT_NE(dot.body.find("<title>API Server: DOWN</title>"), std::string::npos);

  const auto ping = get("/badge/api/dot?animate=ping&fillColor=00ff00");
  EXPECT_NE(ping.body.find("<animate"), std::string::npos);
  EXPECT_NE(ping.body.find(R"(fill="#00ff00")"), std::string::npos);
}

TEST_F(BadgeRoutesTest, BadQueryValuesAre400Json) {
  for (const std::string target :
       {"/badge/api/status?style=fancy", "/badge/api/latency?metric=bogus",
        "/badge/api/uptime?sinceLast=abc", "/badge/api/uptime?sinceLast=10",
        "/badge/api/status?color=%22%3E%3Cscript%3E", "/badge/api/dot?animate=spin",
        "/badge/nope/status?style=fancy"}) {
    const auto response = get(target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(response.content_type, "application/json");
    const auto body = boost::json::parse(response.body);
    EXPECT_EQ(body.at("error").at("code").as_string(), "BAD_REQUEST") << target;
  }
}

TEST_F(BadgeRoutesTest, CachedUntilTheMinuteOrALiveRevisionMoves) {
  // A window within today: the fake rollups change under it as today's would.
  sums_per_read_ = {{"api", counts(1, 0, 100)}};
  EXPECT_NE(get("/badge/api/uptime?sinceLast=3600").body.find(": 100%"), std::string::npos);
  const int reads = reads_;
  sums_per_read_ = {{"api", counts(1, 1, 100)}};
  EXPECT_NE(get("/badge/api/uptime?sinceLast=3600").body.find(": 100%"), std::string::npos);
  EXPECT_NE(get("/badge/api/uptime?sinceLast=3600&unrelated=1").body.find(": 100%"),
            std::string::npos);
  EXPECT_EQ(reads_, reads);

  clock_.advance(60'000);
  EXPECT_NE(get("/badge/api/uptime?sinceLast=3600").body.find(": 50%"), std::string::npos);

  set_live("api", Status::kUp);
  EXPECT_NE(get("/badge/api/status").body.find(": UP"), std::string::npos);
  set_live("api", Status::kDown);
  EXPECT_NE(get("/badge/api/status").body.find(": DOWN"), std::string::npos);
}

TEST_F(BadgeRoutesTest, ConditionalRequestsGet304) {
  set_live("api", Status::kUp);
  const auto first = get("/badge/api/status");
  const std::string etag = header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  const auto again = get("/badge/api/status", {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

}  // namespace
}  // namespace vigil
