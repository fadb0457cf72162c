// Every v4 incident and comment route against a real `vigil serve`: Kener's shapes, filters,
// the comment timeline, bad input and bad keys.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "json_response.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

class ApiIncidentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    vigil_ = new RunningVigil();
    vigil_->add_manual_monitors({"api", "db", "web"});
  }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }

  //! Creates an incident from `body`; its JSON.
  static json::object create(const std::string& body) {
    auto r = vigil_->api("POST", "/api/v4/incidents", body);
    EXPECT_EQ(r.status, 201) << body << " -> " << r.body;
    return parse_json(r).at("incident").as_object();
  }
  static std::string path(std::int64_t id) { return "/api/v4/incidents/" + std::to_string(id); }
  static std::string start_at(std::int64_t t) { return std::to_string(t); }

  static RunningVigil* vigil_;
};

RunningVigil* ApiIncidentsTest::vigil_ = nullptr;

TEST_F(ApiIncidentsTest, CreateGetPatchDeleteInKenersShape) {
  const std::int64_t start = now_s() - 600;
  json::object incident =
      create(R"({"title": "  Checkout errors ", "start_date_time": )" + start_at(start) +
             R"(, "monitors": [{"monitor_tag": "api", "impact": "DEGRADED"},
                                     {"monitor_tag": "db"}]})");
  const std::int64_t id = incident.at("id").as_int64();
  EXPECT_EQ(incident.at("title").as_string(), "Checkout errors");
  EXPECT_EQ(incident.at("start_date_time").as_int64(), start - start % 60);
  EXPECT_TRUE(incident.at("end_date_time").is_null());
  EXPECT_EQ(incident.at("state").as_string(), "INVESTIGATING");
  EXPECT_EQ(incident.at("status").as_string(), "OPEN");
  EXPECT_EQ(incident.at("incident_type").as_string(), "INCIDENT");
  EXPECT_EQ(incident.at("incident_source").as_string(), "API");
  EXPECT_EQ(incident.at("is_global").as_string(), "YES");
  EXPECT_TRUE(incident.at("created_at").is_string());
  const auto& monitors = incident.at("monitors").as_array();
  ASSERT_EQ(monitors.size(), 2u);
  EXPECT_EQ(monitors[0].at("monitor_tag").as_string(), "api");
  EXPECT_EQ(monitors[0].at("impact").as_string(), "DEGRADED");
  EXPECT_EQ(monitors[1].at("impact").as_string(), "DOWN") << "Kener's default impact";

  auto got = vigil_->api("GET", path(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(parse_json(got).at("incident").at("id").as_int64(), id);

  auto patched =
      vigil_->api("PATCH", path(id),
                  R"({"title": "Checkout down", "end_date_time": )" + start_at(start + 300) +
                      R"(, "monitors": [{"monitor_tag": "web", "impact": "DOWN"}],
                                     "is_global": "NO"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  json::value p = parse_json(patched).at("incident");
  EXPECT_EQ(p.at("title").as_string(), "Checkout down");
  EXPECT_EQ(p.at("end_date_time").as_int64(), (start + 300) - (start + 300) % 60);
  EXPECT_EQ(p.at("is_global").as_string(), "NO");
  ASSERT_EQ(p.at("monitors").as_array().size(), 1u);
  EXPECT_EQ(p.at("monitors").at(0).at("monitor_tag").as_string(), "web");
  auto reopened = vigil_->api("PATCH", path(id), R"({"end_date_time": null})");
  EXPECT_TRUE(parse_json(reopened).at("incident").at("end_date_time").is_null());

  auto deleted = vigil_->api("DELETE", path(id));
  ASSERT_EQ(deleted.status, 200);
  EXPECT_EQ(parse_json(deleted).at("message").as_string(),
            "Incident with id '" + std::to_string(id) + "' deleted successfully");
  auto gone = vigil_->api("GET", path(id));
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(error_code(gone), "NOT_FOUND");
  EXPECT_EQ(vigil_->api("DELETE", path(id)).status, 404);
  EXPECT_EQ(vigil_->api("PATCH", path(id), "{}").status, 404);
}

TEST_F(ApiIncidentsTest, ListFiltersOnStartTimeAndMonitorTags) {
  const std::int64_t base = now_s() - 100 * 86400;  // far from the other tests' incidents
  const std::int64_t a = create(R"({"title": "a", "start_date_time": )" + start_at(base) +
                                R"(, "monitors": [{"monitor_tag": "api"}]})")
                             .at("id")
                             .as_int64();
  const std::int64_t b = create(R"({"title": "b", "start_date_time": )" + start_at(base + 3600) +
                                R"(, "monitors": [{"monitor_tag": "db"}]})")
                             .at("id")
                             .as_int64();
  auto ids = [](const ClientResponse& r) {
    std::vector<std::int64_t> out;
    json::value body = parse_json(r);
    for (const auto& i : body.at("incidents").as_array()) out.push_back(i.at("id").as_int64());
    return out;
  };
  const std::string range = "start_ts=" + start_at(base - 60) + "&end_ts=" + start_at(base + 7200);
  EXPECT_EQ(ids(vigil_->api("GET", "/api/v4/incidents?" + range)),
            (std::vector<std::int64_t>{b, a}));
  EXPECT_EQ(ids(vigil_->api("GET", "/api/v4/incidents?" + range + "&monitor_tags=db,%20web")),
            (std::vector<std::int64_t>{b}));
  EXPECT_EQ(ids(vigil_->api("GET", "/api/v4/incidents?start_ts=" + start_at(base + 60) +
                                       "&end_ts=" + start_at(base + 7200))),
            (std::vector<std::int64_t>{b}));
  EXPECT_EQ(vigil_->api("GET", "/api/v4/incidents?start_ts=yesterday").status, 400);
}

TEST_F(ApiIncidentsTest, CommentsMoveTheIncidentAndHaveTheirOwnRoutes) {
  const std::int64_t start = now_s() - 3600;
  const std::int64_t id =
      create(R"({"title": "db slow", "start_date_time": )" + start_at(start) + "}")
          .at("id")
          .as_int64();
  const std::string comments = path(id) + "/comments";

  auto first =
      vigil_->api("POST", comments,
                  R"({"comment": "We see **slow** queries", "state": "IDENTIFIED", "timestamp": )" +
                      start_at(start + 600) + "}");
  ASSERT_EQ(first.status, 201) << first.body;
  json::value c = parse_json(first).at("comment");
  const std::int64_t first_id = c.at("id").as_int64();
  EXPECT_EQ(c.at("incident_id").as_int64(), id);
  EXPECT_EQ(c.at("comment").as_string(), "We see **slow** queries");
  EXPECT_EQ(c.at("state").as_string(), "IDENTIFIED");
  EXPECT_EQ(c.at("timestamp").as_int64() % 60, 0);
  EXPECT_EQ(parse_json(vigil_->api("GET", path(id))).at("incident").at("state").as_string(),
            "IDENTIFIED");

  const std::int64_t fixed_at = start + 1800;
  auto resolved = vigil_->api(
      "POST", comments,
      R"({"comment": "Fixed", "state": "RESOLVED", "timestamp": )" + start_at(fixed_at) + "}");
  ASSERT_EQ(resolved.status, 201) << resolved.body;
  const std::int64_t resolved_id = parse_json(resolved).at("comment").at("id").as_int64();
  json::value incident = parse_json(vigil_->api("GET", path(id))).at("incident");
  EXPECT_EQ(incident.at("state").as_string(), "RESOLVED");
  EXPECT_EQ(incident.at("end_date_time").as_int64(), fixed_at - fixed_at % 60);

  auto listed = vigil_->api("GET", comments);
  ASSERT_EQ(listed.status, 200);
  const auto list = parse_json(listed).at("comments").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].at("id").as_int64(), resolved_id) << "newest first";

  const std::string one = comments + "/" + std::to_string(resolved_id);
  EXPECT_EQ(parse_json(vigil_->api("GET", one)).at("comment").at("comment").as_string(), "Fixed");
  auto reverted = vigil_->api("PATCH", one, R"({"state": "MONITORING", "comment": "Not yet"})");
  ASSERT_EQ(reverted.status, 200) << reverted.body;
  EXPECT_EQ(parse_json(reverted).at("comment").at("comment").as_string(), "Not yet");
  incident = parse_json(vigil_->api("GET", path(id))).at("incident");
  EXPECT_EQ(incident.at("state").as_string(), "MONITORING");
  EXPECT_TRUE(incident.at("end_date_time").is_null()) << "a later state reopens it";

  auto removed = vigil_->api("DELETE", one);
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(parse_json(removed).at("message").as_string(),
            "Comment with id '" + std::to_string(resolved_id) + "' deleted successfully");
  EXPECT_EQ(vigil_->api("GET", one).status, 404);
  EXPECT_EQ(vigil_->api("PATCH", one, R"({"comment": "x"})").status, 404);
  EXPECT_EQ(vigil_->api("DELETE", one).status, 404);
  EXPECT_EQ(vigil_->api("GET", comments + "/abc").status, 400);
  EXPECT_EQ(vigil_->api("GET", path(id + 1000) + "/comments").status, 404);
  EXPECT_EQ(vigil_->api("GET", path(id + 1000) + "/comments/" + std::to_string(first_id)).status,
            404);
}

TEST_F(ApiIncidentsTest, BadBodiesAreBadRequestsWithKenersErrorShape) {
  const std::string start = start_at(now_s());
  const std::string bodies[] = {
      "{not json",
      "[1]",
      R"({"start_date_time": )" + start + "}",
      R"({"title": "x"})",
      R"({"title": "   ", "start_date_time": )" + start + "}",
      R"({"title": 5, "start_date_time": )" + start + "}",
      R"({"title": "x", "start_date_time": "noon"})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "end_date_time": 1000})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "colour": "red"})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "monitors": "api"})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "monitors": [{"impact": "DOWN"}]})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "monitors": [{"monitor_tag": "api", "impact": "PURPLE"}]})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "monitors": [{"monitor_tag": "api", "impact": "MAINTENANCE"}]})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "is_global": "SOMETIMES"})",
  };
  for (const auto& body : bodies) {
    auto r = vigil_->api("POST", "/api/v4/incidents", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST") << body;
  }
  auto ghost = vigil_->api("POST", "/api/v4/incidents",
                           R"({"title": "x", "start_date_time": )" + start +
                               R"(, "monitors": [{"monitor_tag": "ghost"}]})");
  ASSERT_EQ(ghost.status, 400);
  EXPECT_EQ(parse_json(ghost).at("error").at("message").as_string(),
            "Monitor with tag 'ghost' not found");
  EXPECT_EQ(vigil_->api("GET", "/api/v4/incidents/abc").status, 400);

  const std::int64_t id =
      create(R"({"title": "x", "start_date_time": )" + start + "}").at("id").as_int64();
  for (const char* body :
       {R"({"comment": "x"})", R"({"state": "RESOLVED"})", R"({"comment": "x", "state": "DONE"})",
        R"({"comment": "x", "state": "RESOLVED", "timestamp": "now"})",
        R"({"comment": "x", "state": "RESOLVED", "extra": 1})",
        R"({"comment": "  ", "state": "RESOLVED"})"}) {
    auto r = vigil_->api("POST", path(id) + "/comments", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST");
  }
  EXPECT_EQ(vigil_->api("PATCH", path(id), R"({"state": "RESOLVED"})").status, 400)
      << "the state moves by comments";
}

TEST_F(ApiIncidentsTest, DeletingAMonitorDropsItFromIncidents) {
  ASSERT_EQ(vigil_->api("POST", "/api/v4/monitors", R"({"tag":"temp","name":"t"})").status, 201);
  const std::int64_t id =
      create(R"({"title": "x", "start_date_time": )" + start_at(now_s()) +
             R"(, "monitors": [{"monitor_tag": "temp"}, {"monitor_tag": "api"}]})")
          .at("id")
          .as_int64();
  ASSERT_EQ(vigil_->api("DELETE", "/api/v4/monitors/temp").status, 200);
  auto monitors = parse_json(vigil_->api("GET", path(id))).at("incident").at("monitors").as_array();
  ASSERT_EQ(monitors.size(), 1u);
  EXPECT_EQ(monitors[0].at("monitor_tag").as_string(), "api");
}

TEST_F(ApiIncidentsTest, EveryRouteNeedsAKey) {
  const std::pair<const char*, const char*> routes[] = {
      {"GET", "/api/v4/incidents"},
      {"POST", "/api/v4/incidents"},
      {"GET", "/api/v4/incidents/1"},
      {"PATCH", "/api/v4/incidents/1"},
      {"DELETE", "/api/v4/incidents/1"},
      {"GET", "/api/v4/incidents/1/comments"},
      {"POST", "/api/v4/incidents/1/comments"},
      {"GET", "/api/v4/incidents/1/comments/1"},
      {"PATCH", "/api/v4/incidents/1/comments/1"},
      {"DELETE", "/api/v4/incidents/1/comments/1"},
  };
  for (const auto& [method, route] : routes) {
    auto none = http_request(method, vigil_->base_url() + route);
    EXPECT_EQ(none.status, 401) << method << " " << route;
    EXPECT_EQ(error_code(none), "UNAUTHORIZED");
    auto wrong = http_request(method, vigil_->base_url() + route, "",
                              {{"Authorization", "Bearer not-a-key"}});
    EXPECT_EQ(wrong.status, 401) << method << " " << route;
  }
}

}  // namespace
}  // namespace vigil::testing
