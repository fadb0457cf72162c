// Every v4 maintenance and maintenance-event route against a real `vigil serve`: Kener's shapes,
// planned events, filters and pagination, the two event PATCH modes, bad input and bad keys.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>

#include "json_response.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

constexpr std::int64_t kDay = 86400;

class ApiMaintenancesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    vigil_ = new RunningVigil();
    vigil_->add_manual_monitors({"api", "db"});
  }
  static void TearDownTestSuite() {
    delete vigil_;
    vigil_ = nullptr;
  }

  //! Creates a maintenance; its JSON.
  static json::object create(const std::string& body) {
    auto r = vigil_->api("POST", "/api/v4/maintenances", body);
    EXPECT_EQ(r.status, 201) << body << " -> " << r.body;
    return parse_json(r).at("maintenance").as_object();
  }
  //! A one-off maintenance starting at `start` for an hour on monitor `tag`.
  static std::int64_t one_off(std::int64_t start, const std::string& tag = "db") {
    return create(R"({"title": "One-off", "start_date_time": )" + std::to_string(start) +
                  R"(, "rrule": "FREQ=MINUTELY;COUNT=1", "duration_seconds": 3600,
                      "monitors": [{"monitor_tag": ")" +
                  tag + R"("}]})")
        .at("id")
        .as_int64();
  }
  static std::string path(std::int64_t id) { return "/api/v4/maintenances/" + std::to_string(id); }
  static json::array events_of(std::int64_t id) {
    auto r = vigil_->api("GET", path(id) + "/events");
    EXPECT_EQ(r.status, 200) << r.body;
    return parse_json(r).at("events").as_array();
  }
  static std::string event_path(std::int64_t id, const json::value& event) {
    return path(id) + "/events/" + std::to_string(event.at("id").as_int64());
  }

  static RunningVigil* vigil_;
};

RunningVigil* ApiMaintenancesTest::vigil_ = nullptr;

TEST_F(ApiMaintenancesTest, AOneOffIsCreatedWithItsEventInKenersShape) {
  const std::int64_t start = now_s() + 3 * 3600;
  json::object m = create(R"({"title": "DB upgrade", "description": "Rolling **restart**",
      "start_date_time": )" +
                          std::to_string(start) +
                          R"(, "rrule": "FREQ=MINUTELY;COUNT=1", "duration_seconds": 1800,
      "monitors": [{"monitor_tag": "db"}, {"monitor_tag": "api", "impact": "DEGRADED"}]})");
  const std::int64_t id = m.at("id").as_int64();
  EXPECT_EQ(m.at("title").as_string(), "DB upgrade");
  EXPECT_EQ(m.at("description").as_string(), "Rolling **restart**");
  EXPECT_EQ(m.at("start_date_time").as_int64(), start - start % 60);
  EXPECT_EQ(m.at("rrule").as_string(), "FREQ=MINUTELY;COUNT=1");
  EXPECT_EQ(m.at("duration_seconds").as_int64(), 1800);
  EXPECT_EQ(m.at("status").as_string(), "ACTIVE");
  EXPECT_EQ(m.at("timezone").as_string(), "UTC");
  EXPECT_EQ(m.at("is_global").as_string(), "YES");
  ASSERT_EQ(m.at("monitors").as_array().size(), 2u);
  EXPECT_EQ(m.at("monitors").at(0).at("monitor_tag").as_string(), "api");
  EXPECT_EQ(m.at("monitors").at(0).at("impact").as_string(), "DEGRADED");
  EXPECT_EQ(m.at("monitors").at(1).at("impact").as_string(), "MAINTENANCE") << "the default";

  auto events = events_of(id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("maintenance_id").as_int64(), id);
  EXPECT_EQ(events[0].at("start_date_time").as_int64(), start - start % 60);
  EXPECT_EQ(events[0].at("end_date_time").as_int64(), start - start % 60 + 1800);
  EXPECT_EQ(events[0].at("event_status").as_string(), "SCHEDULED");
  EXPECT_EQ(events[0].at("status").as_string(), "SCHEDULED");
  auto one = vigil_->api("GET", event_path(id, events[0]));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(parse_json(one).at("event").at("id").as_int64(), events[0].at("id").as_int64());

  auto got = vigil_->api("GET", path(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(parse_json(got).at("maintenance").at("title").as_string(), "DB upgrade");
}

TEST_F(ApiMaintenancesTest, ARecurringRuleIsPlannedAWeekAheadInItsZone) {
  json::object m =
      create(R"({"title": "Nightly", "start_date_time": )" + std::to_string(now_s() - 30 * kDay) +
             R"(, "rrule": "FREQ=DAILY;BYHOUR=3;BYMINUTE=0", "duration_seconds": 600,
                              "timezone": "Europe/Berlin"})");
  EXPECT_EQ(m.at("timezone").as_string(), "Europe/Berlin");
  auto events = events_of(m.at("id").as_int64());
  EXPECT_GE(events.size(), 7u);
  EXPECT_LE(events.size(), 8u);
  for (const auto& e : events) {
    std::int64_t start = e.at("start_date_time").as_int64();
    std::int64_t hour_utc = start % kDay / 3600;
    EXPECT_TRUE(hour_utc == 1 || hour_utc == 2) << "03:00 in Berlin is 01:00 or 02:00 UTC";
  }
}

TEST_F(ApiMaintenancesTest, ListFiltersOnStatusAndMonitor) {
  const std::int64_t a = one_off(now_s() + 40 * kDay, "api");
  const std::int64_t b = one_off(now_s() + 41 * kDay, "db");
  ASSERT_EQ(vigil_->api("PATCH", path(b), R"({"status": "INACTIVE"})").status, 200);
  auto ids = [](const std::string& query) {
    std::vector<std::int64_t> out;
    auto r = vigil_->api("GET", "/api/v4/maintenances" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    json::value body = parse_json(r);
    for (const auto& m : body.at("maintenances").as_array()) {
      out.push_back(m.at("id").as_int64());
    }
    return out;
  };
  auto inactive = ids("?status=INACTIVE");
  EXPECT_NE(std::find(inactive.begin(), inactive.end(), b), inactive.end());
  EXPECT_EQ(std::find(inactive.begin(), inactive.end(), a), inactive.end());
  auto on_api = ids("?monitor_tag=api&status=ACTIVE");
  EXPECT_NE(std::find(on_api.begin(), on_api.end(), a), on_api.end());
  EXPECT_EQ(std::find(on_api.begin(), on_api.end(), b), on_api.end());
  EXPECT_EQ(vigil_->api("GET", "/api/v4/maintenances?status=MAYBE").status, 400);
}

TEST_F(ApiMaintenancesTest, TheEventListIsPagedFilteredAndDetailed) {
  const std::int64_t base = now_s() + 60 * kDay;
  const std::int64_t first = one_off(base, "api");
  const std::int64_t second = one_off(base + kDay, "db");
  const std::string from = "event_start_date_time=" + std::to_string(base - 60);

  auto page = vigil_->api("GET", "/api/v4/maintenances/events?" + from + "&limit=1&page=2");
  ASSERT_EQ(page.status, 200) << page.body;
  json::value body = parse_json(page);
  EXPECT_EQ(body.at("page").as_int64(), 2);
  EXPECT_EQ(body.at("limit").as_int64(), 1);
  EXPECT_EQ(body.at("total").as_int64(), 2);
  ASSERT_EQ(body.at("events").as_array().size(), 1u);
  json::value event = body.at("events").at(0);
  EXPECT_EQ(event.at("maintenance_id").as_int64(), second);
  EXPECT_EQ(event.at("maintenance").at("id").as_int64(), second);
  EXPECT_EQ(event.at("maintenance").at("monitors").at(0).at("monitor_tag").as_string(), "db");

  auto by_monitor =
      parse_json(vigil_->api("GET", "/api/v4/maintenances/events?" + from + "&monitors=api"));
  ASSERT_EQ(by_monitor.at("events").as_array().size(), 1u);
  EXPECT_EQ(by_monitor.at("events").at(0).at("maintenance_id").as_int64(), first);
  auto by_id = parse_json(vigil_->api(
      "GET", "/api/v4/maintenances/events?" + from + "&maintenance_id=" + std::to_string(first)));
  EXPECT_EQ(by_id.at("total").as_int64(), 1);
  auto ongoing = parse_json(
      vigil_->api("GET", "/api/v4/maintenances/events?" + from + "&event_status=ONGOING"));
  EXPECT_EQ(ongoing.at("total").as_int64(), 0);
  auto clamped = parse_json(vigil_->api("GET", "/api/v4/maintenances/events?limit=500&page=0"));
  EXPECT_EQ(clamped.at("limit").as_int64(), 100);
  EXPECT_EQ(clamped.at("page").as_int64(), 1);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/maintenances/events?event_status=DONE").status, 400);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/maintenances/events?limit=ten").status, 400);
}

TEST_F(ApiMaintenancesTest, AnEventIsEitherMovedOrFinishedNeverBoth) {
  const std::int64_t id = one_off(now_s() + 5 * kDay);
  json::value event = events_of(id).at(0);
  const std::string at = event_path(id, event);
  const std::int64_t start = event.at("start_date_time").as_int64();

  auto moved = vigil_->api("PATCH", at,
                           R"({"start_date_time": )" + std::to_string(start + 3600) +
                               R"(, "end_date_time": )" + std::to_string(start + 7200) + "}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(parse_json(moved).at("event").at("start_date_time").as_int64(), start + 3600);

  auto both = vigil_->api(
      "PATCH", at, R"({"status": "CANCELLED", "start_date_time": )" + std::to_string(start) + "}");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(error_code(both), "BAD_REQUEST");
  EXPECT_EQ(vigil_->api("PATCH", at, R"({"start_date_time": 1})").status, 400) << "needs both";
  EXPECT_EQ(vigil_
                ->api("PATCH", at,
                      R"({"start_date_time": )" + std::to_string(start) + R"(, "end_date_time": )" +
                          std::to_string(start) + "}")
                .status,
            400);
  EXPECT_EQ(vigil_->api("PATCH", at, R"({"status": "COMPLETED"})").status, 400)
      << "only an ONGOING event completes";
  EXPECT_EQ(vigil_->api("PATCH", at, R"({"status": "ONGOING"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", at, R"({"status": "LATER"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", at, R"({"colour": "red"})").status, 400);

  auto cancelled = vigil_->api("PATCH", at, R"({"status": "CANCELLED"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  json::value c = parse_json(cancelled).at("event");
  EXPECT_EQ(c.at("event_status").as_string(), "CANCELLED");
  EXPECT_EQ(c.at("end_date_time").as_int64(), start + 7200) << "a planned window is kept";
  auto again = vigil_->api("PATCH", at, R"({"status": "CANCELLED"})");
  EXPECT_EQ(again.status, 400) << "final";
}

TEST_F(ApiMaintenancesTest, AnOngoingEventCompletesNow) {
  const std::int64_t id = one_off(now_s() - 120, "api");
  json::value event = events_of(id).at(0);
  EXPECT_EQ(event.at("event_status").as_string(), "ONGOING");
  auto done = vigil_->api("PATCH", event_path(id, event), R"({"status": "COMPLETED"})");
  ASSERT_EQ(done.status, 200) << done.body;
  json::value d = parse_json(done).at("event");
  EXPECT_EQ(d.at("event_status").as_string(), "COMPLETED");
  EXPECT_LE(std::abs(d.at("end_date_time").as_int64() - now_s()), 5);
}

TEST_F(ApiMaintenancesTest, PatchDeleteAndMissingThings) {
  const std::int64_t id = one_off(now_s() + 9 * kDay);
  auto renamed =
      vigil_->api("PATCH", path(id), R"({"title": "Renamed", "monitors": [], "is_global": false})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  json::value r = parse_json(renamed).at("maintenance");
  EXPECT_EQ(r.at("title").as_string(), "Renamed");
  EXPECT_TRUE(r.at("monitors").as_array().empty());
  EXPECT_EQ(r.at("is_global").as_string(), "NO");

  auto moved = vigil_->api("PATCH", path(id),
                           R"({"start_date_time": )" + std::to_string(now_s() + 10 * kDay) + "}");
  ASSERT_EQ(moved.status, 200);
  auto events = events_of(id);
  ASSERT_EQ(events.size(), 1u) << "the one-off's window follows its start";
  EXPECT_GE(events[0].at("start_date_time").as_int64(), now_s() + 10 * kDay - 120);

  auto bad_rule = vigil_->api("PATCH", path(id), R"({"rrule": "FREQ=FORTNIGHTLY"})");
  ASSERT_EQ(bad_rule.status, 400);
  EXPECT_NE(std::string(parse_json(bad_rule).at("error").at("message").as_string()).find("rrule"),
            std::string::npos);
  EXPECT_EQ(vigil_->api("PATCH", path(id), R"({"timezone": "Moon/Tranquility"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", path(id), R"({"status": "PAUSED"})").status, 400);
  EXPECT_EQ(vigil_->api("PATCH", path(id), R"({"duration_seconds": 0})").status, 400);

  const std::string event = event_path(id, events[0]);
  EXPECT_EQ(
      vigil_
          ->api("GET", path(id + 1000) + "/events/" + std::to_string(events[0].at("id").as_int64()))
          .status,
      404);
  EXPECT_EQ(vigil_->api("GET", path(id) + "/events/999999").status, 404);
  EXPECT_EQ(vigil_->api("GET", path(id) + "/events/abc").status, 400);
  auto removed_event = vigil_->api("DELETE", event);
  ASSERT_EQ(removed_event.status, 200);
  EXPECT_TRUE(parse_json(removed_event).at("message").is_string());
  EXPECT_EQ(vigil_->api("GET", event).status, 404);

  auto removed = vigil_->api("DELETE", path(id));
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(parse_json(removed).at("message").as_string(),
            "Maintenance with id '" + std::to_string(id) + "' deleted successfully");
  auto gone = vigil_->api("GET", path(id));
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(error_code(gone), "NOT_FOUND");
  EXPECT_EQ(vigil_->api("GET", path(id) + "/events").status, 404);
  EXPECT_EQ(vigil_->api("DELETE", path(id)).status, 404);
  EXPECT_EQ(vigil_->api("GET", "/api/v4/maintenances/abc").status, 400);
}

TEST_F(ApiMaintenancesTest, BadBodiesAreBadRequests) {
  const std::string start = std::to_string(now_s());
  const std::string bodies[] = {
      "nope",
      R"({"start_date_time": )" + start + R"(, "rrule": "FREQ=DAILY", "duration_seconds": 60})",
      R"({"title": "x", "rrule": "FREQ=DAILY", "duration_seconds": 60})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "duration_seconds": 60})",
      R"({"title": "x", "start_date_time": )" + start + R"(, "rrule": "FREQ=DAILY"})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "FREQ=DAILY", "duration_seconds": -5})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "EVERY MONDAY", "duration_seconds": 60})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "FREQ=DAILY", "duration_seconds": 60, "timezone": "Nowhere"})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "FREQ=DAILY", "duration_seconds": 60, "monitors": [{"monitor_tag": "ghost"}]})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "FREQ=DAILY", "duration_seconds": 60,
              "monitors": [{"monitor_tag": "db", "impact": "BROKEN"}]})",
      R"({"title": "x", "start_date_time": )" + start +
          R"(, "rrule": "FREQ=DAILY", "duration_seconds": 60, "extra": true})",
  };
  for (const auto& body : bodies) {
    auto r = vigil_->api("POST", "/api/v4/maintenances", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_EQ(error_code(r), "BAD_REQUEST") << body;
  }
}

TEST_F(ApiMaintenancesTest, EveryRouteNeedsAKey) {
  const std::pair<const char*, const char*> routes[] = {
      {"GET", "/api/v4/maintenances"},
      {"POST", "/api/v4/maintenances"},
      {"GET", "/api/v4/maintenances/events"},
      {"GET", "/api/v4/maintenances/1"},
      {"PATCH", "/api/v4/maintenances/1"},
      {"DELETE", "/api/v4/maintenances/1"},
      {"GET", "/api/v4/maintenances/1/events"},
      {"GET", "/api/v4/maintenances/1/events/1"},
      {"PATCH", "/api/v4/maintenances/1/events/1"},
      {"DELETE", "/api/v4/maintenances/1/events/1"},
  };
  for (const auto& [method, route] : routes) {
    auto none = http_request(method, vigil_->base_url() + route);
    EXPECT_EQ(none.status, 401) << method << " " << route;
    EXPECT_EQ(error_code(none), "UNAUTHORIZED");
  }
}

}  // namespace
}  // namespace vigil::testing
