// Kener's badge URLs against a real `vigil serve`: statuses pushed through the v4 data API show
// up in the status, uptime, latency and dot badges; hidden monitors are not found; `_` covers
// every public monitor; conditional requests get 304.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

class BadgeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    vigil_ = new RunningVigil();
    create(R"({"tag": "web", "name": "Website", "monitor_type": "NONE"})");
    create(R"({"tag": "api", "name": "API", "monitor_type": "NONE"})");
    create(
        R"({"tag": "internal", "name": "Internal", "monitor_type": "NONE", "is_hidden": "YES"})");
    const std::string minute = std::to_string(now_s() / 60 * 60);
    push("web", minute, R"({"status": "UP", "latency": 120})");
    push("api", minute, R"({"status": "DOWN", "latency": 300})");
    push("internal", minute, R"({"status": "UP", "latency": 10})");
  }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }

  static void create(const std::string& body) {
    const auto created = vigil_->api("POST", "/api/v4/monitors", body);
    ASSERT_EQ(created.status, 201) << created.body;
  }
  static void push(const std::string& tag, const std::string& minute, const std::string& body) {
    const auto pushed = vigil_->api("PATCH", "/api/v4/monitors/" + tag + "/data/" + minute, body);
    ASSERT_EQ(pushed.status, 200) << pushed.body;
  }
  static ClientResponse badge(const std::string& path,
                              const std::map<std::string, std::string>& headers = {}) {
    return http_request("GET", vigil_->base_url() + path, "", headers);
  }
  //! The accessible text of a badge: what its <title> says.
  static std::string title(const ClientResponse& response) {
    const auto open = response.body.find("<title>");
    const auto close = response.body.find("</title>");
    if (open == std::string::npos || close == std::string::npos) return "<no title>";
    return response.body.substr(open + 7, close - open - 7);
  }

  static RunningVigil* vigil_;
};

RunningVigil* BadgeTest::vigil_ = nullptr;

TEST_F(BadgeTest, StatusBadgeShowsThePushedStatus) {
  const auto response = badge("/badge/web/status");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers.at("content-type"), "image/svg+xml");
  EXPECT_EQ(title(response), "Website: UP");
  EXPECT_EQ(title(badge("/badge/api/status?label=Backend&style=for-the-badge")), "BACKEND: DOWN");
}

TEST_F(BadgeTest, UptimeAndLatencyOverTheWindow) {
  EXPECT_EQ(title(badge("/badge/web/uptime?sinceLast=600")), "Website 10m: 100%");
  EXPECT_EQ(title(badge("/badge/api/uptime?sinceLast=600&hideDuration=true")), "API: 0%");
  EXPECT_EQ(title(badge("/badge/web/latency?sinceLast=600")), "Website 10m: 120ms");
  EXPECT_EQ(title(badge("/badge/web/uptime")), "Website 90d: 100%");
}

TEST_F(BadgeTest, DotBadge) {
  const auto dot = badge("/badge/api/dot?animate=ping");
  ASSERT_EQ(dot.status, 200);
  EXPECT_EQ(title(dot), "API: DOWN");
  EXPECT_NE(dot.body.find("<animate"), std::string::npos);
}

TEST_F(BadgeTest, HiddenAndUnknownMonitorsAreNotFound) {
  for (const std::string path : {"/badge/internal/status", "/badge/ghost/uptime"}) {
    const auto response = badge(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.headers.at("content-type"), "image/svg+xml");
    EXPECT_EQ(title(response), "badge: not found");
  }
}

TEST_F(BadgeTest, AllTagCoversPublicMonitorsUnderTheSiteName) {
  const auto renamed = vigil_->api("PATCH", "/api/v4/site/siteName", R"({"value": "Acme Status"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(title(badge("/badge/_/status")), "Acme Status: DOWN");
  EXPECT_EQ(title(badge("/badge/_/uptime?sinceLast=600")), "Acme Status 10m: 50%");
  EXPECT_EQ(title(badge("/badge/_/latency?sinceLast=600")), "Acme Status 10m: 210ms");
}

TEST_F(BadgeTest, ConditionalRequestGets304) {
  const auto first = badge("/badge/web/status");
  ASSERT_TRUE(first.headers.contains("etag"));
  EXPECT_EQ(first.headers.at("cache-control"), "public, max-age=60");
  const auto again = badge("/badge/web/status", {{"If-None-Match", first.headers.at("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(BadgeTest, BadQueryIs400Json) {
  const auto response = badge("/badge/web/status?style=unknown");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body).at("error").at("code").as_string(), "BAD_REQUEST");
}

}  // namespace
}  // namespace vigil::testing
