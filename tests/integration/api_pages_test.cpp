// The v4 page and site routes against a real `vigil serve` started with pages and site settings
// in its config file: Kener's shapes, ~home, deep-merged settings, bad input, unknown pages and
// keys, and what the config file declares.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "json_response.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kConfig = R"(
monitors:
  - {tag: api, name: API, monitor_type: NONE}
  - {tag: db, name: Database, monitor_type: NONE}
  - {tag: web, name: Website, monitor_type: NONE}
site:
  siteName: Acme status
  themeToggle: false
pages:
  - path: "~home"
    title: Acme
    header: Acme services
    subheader: "**Live** status"
    monitors: [web, api]
  - path: declared
    title: Declared
    header: Declared in the file
    settings:
      monitor_layout_style: compact-grid
    monitors: [db]
)";

class ApiPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vigil_ = new RunningVigil(kConfig); }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }

  static ClientResponse api(const std::string& method, const std::string& path,
                            const std::string& body = "") {
    return vigil_->api(method, path, body);
  }
  //! The `page` of a successful response.
  static json::object page_of(const ClientResponse& r) {
    json::value body = parse_json(r);
    if (!body.is_object() || !body.as_object().contains("page")) return {};
    return body.at("page").as_object();
  }
  static std::vector<std::string> monitor_tags(const json::object& page) {
    std::vector<std::string> tags;
    for (const auto& monitor : page.at("monitors").as_array()) {
      tags.emplace_back(monitor.at("tag").as_string());
    }
    return tags;
  }
  static std::string error_message(const ClientResponse& r) {
    json::value body = parse_json(r);
    const auto* error = body.is_object() ? body.as_object().if_contains("error") : nullptr;
    return error != nullptr ? std::string(error->at("message").as_string()) : r.body;
  }

  static RunningVigil* vigil_;
};

RunningVigil* ApiPagesTest::vigil_ = nullptr;

TEST_F(ApiPagesTest, PagesDeclaredInTheConfigFileShowThroughTheApi) {
  auto listed = api("GET", "/api/v4/pages");
  ASSERT_EQ(listed.status, 200) << listed.body;
  json::value body = parse_json(listed);
  const json::array& pages = body.at("pages").as_array();
  ASSERT_GE(pages.size(), 2u);

  const json::object& home = pages[0].as_object();
  EXPECT_EQ(home.at("page_path").as_string(), "~home");
  EXPECT_EQ(home.at("page_title").as_string(), "Acme");
  EXPECT_EQ(home.at("page_header").as_string(), "Acme services");
  EXPECT_EQ(home.at("page_subheader").as_string(), "**Live** status");
  EXPECT_THAT(monitor_tags(home), ElementsAre("web", "api"));
  const json::object& web = home.at("monitors").at(0).as_object();
  EXPECT_EQ(web.at("name").as_string(), "Website");
  EXPECT_EQ(web.at("monitor_type").as_string(), "NONE");
  EXPECT_TRUE(home.at("created_at").is_string());

  const json::object& declared = pages[1].as_object();
  EXPECT_EQ(declared.at("page_path").as_string(), "declared");
  const json::value& settings = declared.at("page_settings");
  EXPECT_EQ(settings.at("monitor_layout_style").as_string(), "compact-grid");
  EXPECT_EQ(settings.at("monitor_status_history_days").at("desktop").as_int64(), 90);
  EXPECT_EQ(settings.at("monitor_status_history_days").at("mobile").as_int64(), 30);
  EXPECT_TRUE(settings.at("incidents").at("enabled").as_bool());
  EXPECT_THAT(monitor_tags(declared), ElementsAre("db"));
}

TEST_F(ApiPagesTest, CreateGetPatchListAndDeleteAPage) {
  auto created = api("POST", "/api/v4/pages", R"({
    "page_path": "Status Page", "page_title": "Status", "page_header": "Our status",
    "page_subheader": "All *systems*", "page_logo": "https://example.com/logo.png",
    "page_settings": {"monitor_status_history_days": {"mobile": 14}},
    "monitors": ["db", "web"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::object page = page_of(created);
  EXPECT_EQ(page.at("page_path").as_string(), "status-page");
  EXPECT_EQ(page.at("page_logo").as_string(), "https://example.com/logo.png");
  EXPECT_EQ(page.at("page_settings").at("monitor_status_history_days").at("mobile").as_int64(), 14);
  EXPECT_EQ(page.at("page_settings").at("monitor_layout_style").as_string(), "default-list");
  EXPECT_THAT(monitor_tags(page), ElementsAre("db", "web"));

  auto got = api("GET", "/api/v4/pages/status-page");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(page_of(got).at("page_header").as_string(), "Our status");

  auto patched = api("PATCH", "/api/v4/pages/status-page", R"({
    "page_title": "Status!", "monitors": ["api"],
    "page_settings": {"incidents": {"resolved": {"max_count": 2}}}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  page = page_of(patched);
  EXPECT_EQ(page.at("page_title").as_string(), "Status!");
  EXPECT_EQ(page.at("page_header").as_string(), "Our status");
  EXPECT_THAT(monitor_tags(page), ElementsAre("api"));
  const json::value& resolved = page.at("page_settings").at("incidents").at("resolved");
  EXPECT_EQ(resolved.at("max_count").as_int64(), 2);
  EXPECT_EQ(resolved.at("days_in_past").as_int64(), 7) << "deep merge keeps siblings";
  EXPECT_TRUE(resolved.at("show").as_bool());
  EXPECT_EQ(page.at("page_settings").at("monitor_status_history_days").at("mobile").as_int64(), 14);

  auto renamed = api("PATCH", "/api/v4/pages/status-page", R"({"page_path": "Public Status"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(page_of(renamed).at("page_path").as_string(), "public-status");
  EXPECT_EQ(api("GET", "/api/v4/pages/status-page").status, 404);

  std::vector<std::string> paths;
  json::value listed = parse_json(api("GET", "/api/v4/pages"));
  for (const auto& listed_page : listed.at("pages").as_array()) {
    paths.emplace_back(listed_page.at("page_path").as_string());
  }
  EXPECT_THAT(paths, ::testing::Contains("public-status"));

  auto deleted = api("DELETE", "/api/v4/pages/public-status");
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_THAT(std::string(parse_json(deleted).at("message").as_string()),
              HasSubstr("public-status"));
  EXPECT_EQ(api("GET", "/api/v4/pages/public-status").status, 404);
  EXPECT_EQ(api("DELETE", "/api/v4/pages/public-status").status, 404);
}

TEST_F(ApiPagesTest, TheHomePageIsAddressedAsTildeHomeAndStays) {
  auto home = api("GET", "/api/v4/pages/~home");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_EQ(page_of(home).at("page_path").as_string(), "~home");

  json::object read_back = page_of(home);
  read_back.erase("monitors");
  read_back.erase("id");
  read_back.erase("created_at");
  read_back.erase("updated_at");
  auto unchanged = api("PATCH", "/api/v4/pages/~home", json::serialize(read_back));
  EXPECT_EQ(unchanged.status, 200) << "sending ~home back is no change: " << unchanged.body;

  auto moved = api("PATCH", "/api/v4/pages/~home", R"({"page_path": "home"})");
  EXPECT_EQ(moved.status, 400);
  EXPECT_EQ(error_code(moved), "BAD_REQUEST");
  EXPECT_THAT(error_message(moved), HasSubstr("cannot be changed"));

  auto deleted = api("DELETE", "/api/v4/pages/~home");
  EXPECT_EQ(deleted.status, 400);
  EXPECT_EQ(error_code(deleted), "BAD_REQUEST");
  EXPECT_EQ(api("GET", "/api/v4/pages/~home").status, 200);

  auto taken = api("POST", "/api/v4/pages",
                   R"({"page_path": "~home", "page_title": "A", "page_header": "B"})");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(error_code(taken), "CONFLICT");
}

TEST_F(ApiPagesTest, BadCreateBodiesAreBadRequests) {
  const std::pair<const char*, const char*> cases[] = {
      {"{not json", "not valid JSON"},
      {"[1, 2]", "must be a JSON object"},
      {R"({"page_path": "x1", "page_header": "H"})", "required"},
      {R"({"page_path": "x1", "page_title": 5, "page_header": "H"})", "page_title: must be"},
      {R"({"page_path": "x1", "page_title": " ", "page_header": "H"})", "page_title: must not"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H", "colour": 1})",
       "unknown field 'colour'"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H", "page_settings": "x"})",
       "page_settings: must be an object"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H", "monitors": "api"})",
       "monitors: must be an array"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H", "monitors": ["ghost"]})",
       "monitor 'ghost' does not exist"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H",
           "page_settings": {"monitor_status_history_days": {"desktop": 0}}})",
       "monitor_status_history_days.desktop: must be between 1 and 365"},
      {R"({"page_path": "x1", "page_title": "T", "page_header": "H",
           "page_settings": {"monitor_layout_style": "tiles"}})",
       "monitor_layout_style: must be one of"},
      {R"({"page_path": "!!!", "page_title": "T", "page_header": "H"})", "page_path:"},
      {R"({"page_path": "api", "page_title": "T", "page_header": "H"})", "reserved"},
  };
  for (const auto& [body, message] : cases) {
    auto r = api("POST", "/api/v4/pages", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST") << body;
    EXPECT_THAT(error_message(r), HasSubstr(message)) << body;
  }
  EXPECT_EQ(api("GET", "/api/v4/pages/x1").status, 404);
}

TEST_F(ApiPagesTest, BadPatchesChangeNothing) {
  ASSERT_EQ(api("POST", "/api/v4/pages",
                R"({"page_path": "patchy", "page_title": "T", "page_header": "H"})")
                .status,
            201);
  for (const char* body : {R"({"monitors": ["ghost"]})", R"({"page_header": ""})",
                           R"({"page_settings": {"monitor_status_history_days": {"mobile": 400}}})",
                           R"({"tag": "x"})", R"({"page_path": "declared"})"}) {
    auto r = api("PATCH", "/api/v4/pages/patchy", body);
    EXPECT_TRUE(r.status == 400 || r.status == 409) << body << " -> " << r.body;
  }
  auto page = page_of(api("GET", "/api/v4/pages/patchy"));
  EXPECT_EQ(page.at("page_header").as_string(), "H");
  EXPECT_EQ(page.at("page_settings").at("monitor_status_history_days").at("mobile").as_int64(), 30);
}

TEST_F(ApiPagesTest, UnknownPagesAreNotFoundAndTakenPathsConflict) {
  for (const char* method : {"GET", "PATCH", "DELETE"}) {
    auto r = api(method, "/api/v4/pages/nowhere", "{}");
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(error_code(r), "NOT_FOUND") << method;
  }
  auto taken = api("POST", "/api/v4/pages",
                   R"({"page_path": "Declared", "page_title": "A", "page_header": "B"})");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(error_code(taken), "CONFLICT");
}

TEST_F(ApiPagesTest, DeletingAMonitorTakesItOffItsPages) {
  ASSERT_EQ(api("POST", "/api/v4/monitors", R"({"tag": "short-lived", "name": "x"})").status, 201);
  ASSERT_EQ(api("POST", "/api/v4/pages", R"({"page_path": "brief", "page_title": "T",
                 "page_header": "H", "monitors": ["short-lived", "api"]})")
                .status,
            201);
  ASSERT_EQ(api("DELETE", "/api/v4/monitors/short-lived").status, 200);
  EXPECT_THAT(monitor_tags(page_of(api("GET", "/api/v4/pages/brief"))), ElementsAre("api"));
}

TEST_F(ApiPagesTest, SiteSettingsListReadAndPatch) {
  auto all = api("GET", "/api/v4/site");
  ASSERT_EQ(all.status, 200) << all.body;
  json::value listed = parse_json(all);
  std::map<std::string, json::value> values;
  for (const auto& entry : listed.at("site_data").as_array()) {
    EXPECT_TRUE(entry.at("data_type") == "string" || entry.at("data_type") == "object");
    values[std::string(entry.at("key").as_string())] = entry.at("value");
  }
  EXPECT_EQ(values.at("siteName"), "Acme status") << "from the config file";
  EXPECT_EQ(values.at("themeToggle"), "NO") << "a boolean in the file is stored as NO";
  EXPECT_EQ(values.at("theme"), "system") << "a default";
  EXPECT_EQ(values.at("timezone"), "UTC");
  EXPECT_TRUE(values.at("colors").at("UP").is_string());

  auto colours = api("GET", "/api/v4/site/colors");
  ASSERT_EQ(colours.status, 200);
  EXPECT_EQ(parse_json(colours).at("data_type"), "object");
  EXPECT_EQ(parse_json(colours).at("key"), "colors");

  auto renamed = api("PATCH", "/api/v4/site/siteName", R"({"value": "Acme Corp"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(parse_json(renamed),
            json::parse(R"({"key":"siteName","value":"Acme Corp","data_type":"string"})"));
  EXPECT_EQ(parse_json(api("GET", "/api/v4/site/siteName")).at("value"), "Acme Corp");

  auto zone = api("PATCH", "/api/v4/site/timezone", R"({"value": "Asia/Kolkata"})");
  EXPECT_EQ(zone.status, 200) << zone.body;
}

TEST_F(ApiPagesTest, SiteSettingsRejectBadValuesAndUnknownKeys) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"value": {"UP": "green"}})", "colors.UP: must be a hex colour"},
      {R"({})", "value: is required"},
      {R"({"value": {}, "extra": 1})", "unknown field 'extra'"},
      {"{not json", "not valid JSON"},
  };
  for (const auto& [body, message] : cases) {
    auto r = api("PATCH", "/api/v4/site/colors", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST");
    EXPECT_THAT(error_message(r), HasSubstr(message)) << body;
  }
  auto zone = api("PATCH", "/api/v4/site/timezone", R"({"value": "Mars/Olympus"})");
  EXPECT_EQ(zone.status, 400);
  EXPECT_THAT(error_message(zone), HasSubstr("not an IANA time zone"));
  auto theme = api("PATCH", "/api/v4/site/theme", R"({"value": "neon"})");
  EXPECT_EQ(theme.status, 400);

  for (const char* method : {"GET", "PATCH"}) {
    auto r = api(method, "/api/v4/site/favouriteColour", R"({"value": "blue"})");
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(error_code(r), "NOT_FOUND");
    EXPECT_THAT(error_message(r), HasSubstr("not a valid configuration key"));
  }
  EXPECT_EQ(parse_json(api("GET", "/api/v4/site/theme")).at("value"), "system");
}

TEST_F(ApiPagesTest, EveryRouteNeedsAnApiKey) {
  const std::pair<const char*, const char*> routes[] = {
      {"GET", "/api/v4/pages"},         {"POST", "/api/v4/pages"},
      {"GET", "/api/v4/pages/~home"},   {"PATCH", "/api/v4/pages/~home"},
      {"DELETE", "/api/v4/pages/x"},    {"GET", "/api/v4/site"},
      {"GET", "/api/v4/site/siteName"}, {"PATCH", "/api/v4/site/siteName"},
  };
  for (const auto& [method, path] : routes) {
    auto r = http_request(method, vigil_->base_url() + path, "{}");
    EXPECT_EQ(r.status, 401) << method << " " << path;
    EXPECT_EQ(error_code(r), "UNAUTHORIZED");
  }
}

TEST_F(ApiPagesTest, ARestartKeepsApiPagesAndRestoresDeclaredOnes) {
  ASSERT_EQ(api("POST", "/api/v4/pages",
                R"({"page_path": "kept", "page_title": "Kept", "page_header": "H"})")
                .status,
            201);
  ASSERT_EQ(api("PATCH", "/api/v4/pages/declared",
                R"({"page_settings": {"monitor_layout_style": "default-grid"}})")
                .status,
            200);
  vigil_->restart();
  EXPECT_EQ(api("GET", "/api/v4/pages/kept").status, 200);
  auto declared = page_of(api("GET", "/api/v4/pages/declared"));
  EXPECT_EQ(declared.at("page_settings").at("monitor_layout_style").as_string(), "compact-grid")
      << "the config file wins at start";
}

}  // namespace
}  // namespace vigil::testing
