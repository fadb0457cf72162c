// IncidentService: validation, the comment timeline that moves an incident, and the reads the
// status pages and status layers use.
#include "services/incident_service.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "probes/probe_registry.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_incident_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

constexpr Seconds kNow = 1'700'000'040;  // 40 s into a minute

class IncidentServiceTest : public ::testing::Test {
 protected:
  IncidentServiceTest()
      : database_(dir_.file("vigil.db"), clock_),
        monitor_store_(database_),
        store_(database_),
        monitors_(monitor_store_, registry_),
        incidents_(store_, monitors_, revision_, clock_) {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = tag;
      EXPECT_TRUE(monitors_.create(spec).ok());
    }
    incidents_.refresh();
  }

  Incident open(std::string title, std::vector<MonitorImpact> monitors, bool global = false,
                Seconds start = kNow - 600) {
    Incident incident;
    incident.title = std::move(title);
    incident.start_date_time = start;
    incident.monitors = std::move(monitors);
    incident.global = global;
    auto created = incidents_.create(incident);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.value();
  }

  static std::vector<std::string> titles(const std::vector<Incident>& incidents) {
    std::vector<std::string> out;
    for (const auto& i : incidents) out.push_back(i.title);
    return out;
  }

  TempDir dir_;
  FakeClock clock_{kNow * 1000};
  SqliteDatabase database_;
  SqliteMonitorStore monitor_store_;
  SqliteIncidentStore store_;
  ProbeRegistry registry_;
  MonitorService monitors_;
  SiteRevision revision_;
  IncidentService incidents_;
};

TEST_F(IncidentServiceTest, CreateTrimsFloorsAndBumpsTheSiteRevision) {
  auto before = revision_.value();
  Incident incident;
  incident.title = "  Payments failing \n";
  incident.start_date_time = kNow;
  incident.monitors = {{"api", Status::kDegraded}};
  auto created = incidents_.create(incident);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->title, "Payments failing");
  EXPECT_EQ(created->start_date_time, floor_to(kNow, kMinute));
  EXPECT_EQ(created->state, IncidentState::kInvestigating);
  EXPECT_GT(revision_.value(), before);
  EXPECT_EQ(incidents_.find(created->id)->monitors.size(), 1u);
}

TEST_F(IncidentServiceTest, BadIncidentsAreBadRequests) {
  auto attempt = [&](Incident incident) {
    auto result = incidents_.create(incident);
    EXPECT_FALSE(result.ok());
    return result.ok() ? std::string() : result.error().message;
  };
  Incident base;
  base.title = "x";
  base.start_date_time = kNow;

  Incident blank = base;
  blank.title = "   ";
  EXPECT_NE(attempt(blank).find("title"), std::string::npos);
  Incident backwards = base;
  backwards.end_date_time = kNow - 3600;
  EXPECT_NE(attempt(backwards).find("end_date_time"), std::string::npos);
  Incident ghost = base;
  ghost.monitors = {{"ghost", Status::kDown}};
  EXPECT_EQ(attempt(ghost), "Monitor with tag 'ghost' not found");
  Incident maintenance = base;
  maintenance.monitors = {{"api", Status::kMaintenance}};
  EXPECT_NE(attempt(maintenance).find("DOWN, DEGRADED"), std::string::npos);
  Incident twice = base;
  twice.monitors = {{"api", Status::kDown}, {"api", Status::kDegraded}};
  EXPECT_NE(attempt(twice).find("listed twice"), std::string::npos);
  EXPECT_TRUE(incidents_.list({}).empty());
}

TEST_F(IncidentServiceTest, AResolvedCommentEndsTheIncidentAndALaterStateReopensIt) {
  Incident incident = open("db slow", {{"db", Status::kDegraded}});
  auto first = incidents_.add_comment(incident.id, "Looking into it", IncidentState::kIdentified,
                                      std::nullopt);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->commented_at, floor_to(kNow, kMinute)) << "now, floored to the minute";
  EXPECT_EQ(incidents_.find(incident.id)->state, IncidentState::kIdentified);

  auto resolved =
      incidents_.add_comment(incident.id, "Fixed", IncidentState::kResolved, kNow + 125);
  ASSERT_TRUE(resolved.ok());
  Incident after = *incidents_.find(incident.id);
  EXPECT_EQ(after.state, IncidentState::kResolved);
  EXPECT_EQ(after.end_date_time, floor_to(kNow + 125, kMinute));

  auto reopened =
      incidents_.add_comment(incident.id, "Back again", IncidentState::kMonitoring, kNow + 300);
  ASSERT_TRUE(reopened.ok());
  after = *incidents_.find(incident.id);
  EXPECT_EQ(after.state, IncidentState::kMonitoring);
  EXPECT_FALSE(after.end_date_time);

  auto comments = incidents_.comments(incident.id);
  ASSERT_TRUE(comments.ok());
  ASSERT_EQ(comments->size(), 3u);
  EXPECT_EQ(comments->front().comment, "Back again");
}

TEST_F(IncidentServiceTest, EditingACommentsStateMovesTheIncidentButEditingItsTextDoesNot) {
  Incident incident = open("api down", {{"api", Status::kDown}});
  auto comment =
      incidents_.add_comment(incident.id, "Investigating", IncidentState::kInvestigating, kNow);
  ASSERT_TRUE(comment.ok());
  IncidentComment resolved = comment.value();
  resolved.state = IncidentState::kResolved;
  ASSERT_TRUE(incidents_.update_comment(resolved).ok());
  EXPECT_EQ(incidents_.find(incident.id)->end_date_time, floor_to(kNow, kMinute));

  auto older =
      incidents_.add_comment(incident.id, "Earlier note", IncidentState::kResolved, kNow - 300);
  ASSERT_TRUE(older.ok());
  IncidentComment typo = older.value();
  typo.comment = "Earlier note, fixed typo";
  auto edited = incidents_.update_comment(typo);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->comment, "Earlier note, fixed typo");
  EXPECT_EQ(incidents_.find(incident.id)->end_date_time, floor_to(kNow - 300, kMinute))
      << "the resolving comment added last set the end; a text edit leaves it";

  ASSERT_FALSE(incidents_.remove_comment(incident.id, older->id).has_value());
  EXPECT_EQ(incidents_.find(incident.id)->state, IncidentState::kResolved)
      << "deleting a comment leaves the incident as it is";
}

TEST_F(IncidentServiceTest, CommentMistakesAreReported) {
  Incident incident = open("x", {});
  auto blank = incidents_.add_comment(incident.id, "  ", IncidentState::kIdentified, kNow);
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kBadRequest);
  auto before_start =
      incidents_.add_comment(incident.id, "done", IncidentState::kResolved, kNow - 7200);
  ASSERT_FALSE(before_start.ok());
  EXPECT_EQ(before_start.error().code, ErrorCode::kBadRequest);
  auto missing = incidents_.add_comment(incident.id + 1, "x", IncidentState::kIdentified, kNow);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(incidents_.comment(incident.id, 99).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(incidents_.comments(incident.id + 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(incidents_.remove_comment(incident.id, 99)->code, ErrorCode::kNotFound);
}

TEST_F(IncidentServiceTest, OngoingAndOverlappingHonourThePagesMonitorsAndGlobalIncidents) {
  open("api", {{"api", Status::kDown}});
  open("everywhere", {{"web", Status::kDegraded}}, true);
  Incident done = open("db", {{"db", Status::kDown}}, false, kNow - 7200);
  ASSERT_TRUE(incidents_.add_comment(done.id, "ok", IncidentState::kResolved, kNow - 3600).ok());
  open("future", {{"api", Status::kDown}}, false, kNow + 3600);

  EXPECT_EQ(titles(incidents_.ongoing(kNow)), (std::vector<std::string>{"everywhere", "api"}));
  EXPECT_EQ(titles(incidents_.ongoing(kNow, std::vector<std::string>{"db"})),
            (std::vector<std::string>{"everywhere"}));
  EXPECT_EQ(titles(incidents_.ongoing(kNow, std::vector<std::string>{"api"})),
            (std::vector<std::string>{"everywhere", "api"}));
  EXPECT_EQ(
      titles(incidents_.overlapping(kNow - 7200, kNow - 3000, std::vector<std::string>{"db"})),
      (std::vector<std::string>{"db"}));
  EXPECT_EQ(incidents_.overlapping(kNow - 86400, kNow + 86400).size(), 4u);
}

TEST_F(IncidentServiceTest, ImpactIsTheStrongestOfTheIncidentsInForce) {
  open("slow", {{"api", Status::kDegraded}});
  EXPECT_EQ(incidents_.impact_at("api", kNow), Status::kDegraded);
  Incident down = open("down", {{"api", Status::kDown}, {"db", Status::kDegraded}});
  EXPECT_EQ(incidents_.impact_at("api", kNow), Status::kDown);
  EXPECT_EQ(incidents_.impact_at("db", kNow), Status::kDegraded);
  EXPECT_FALSE(incidents_.impact_at("web", kNow));
  EXPECT_FALSE(incidents_.impact_at("api", kNow - 3600)) << "before the incidents started";

  ASSERT_TRUE(incidents_.add_comment(down.id, "fixed", IncidentState::kResolved, kNow).ok());
  EXPECT_EQ(incidents_.impact_at("api", kNow + 60), Status::kDegraded);
  EXPECT_EQ(incidents_.impact_at("api", kNow - 100), Status::kDown) << "before it was resolved";
  EXPECT_FALSE(incidents_.impact_at("db", kNow + 60));
}

TEST_F(IncidentServiceTest, AlertIncidentsImposeNoImpact) {
  Incident alert;
  alert.title = "api STATUS: DOWN";
  alert.start_date_time = kNow - 60;
  alert.source = IncidentSource::kAlert;
  alert.monitors = {{"api", Status::kDown}};
  ASSERT_TRUE(incidents_.create(alert).ok());
  EXPECT_FALSE(incidents_.impact_at("api", kNow));
  EXPECT_EQ(incidents_.ongoing(kNow).size(), 1u) << "it is shown all the same";
}

TEST_F(IncidentServiceTest, ImpactsOlderThanTheIndexAreReadFromTheStore) {
  Incident old = open("last week", {{"db", Status::kDown}}, false, kNow - 8 * kDay);
  old.end_date_time = kNow - 7 * kDay;
  ASSERT_TRUE(incidents_.update(old).ok());
  EXPECT_EQ(incidents_.impact_at("db", kNow - 7 * kDay - 3600), Status::kDown);
  EXPECT_FALSE(incidents_.impact_at("db", kNow));
}

TEST_F(IncidentServiceTest, RefreshForgetsTheImpactsOfADeletedMonitor) {
  open("api", {{"api", Status::kDown}});
  ASSERT_FALSE(monitors_.remove("api").has_value());
  MonitorSpec again;
  again.tag = "api";
  again.name = "api";
  ASSERT_TRUE(monitors_.create(again).ok());
  incidents_.refresh();
  EXPECT_FALSE(incidents_.impact_at("api", kNow));
}

TEST_F(IncidentServiceTest, UpdateAndRemoveNeedAnExistingIncident) {
  Incident incident = open("x", {});
  incident.id += 50;
  EXPECT_EQ(incidents_.update(incident).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(incidents_.remove(incident.id)->code, ErrorCode::kNotFound);
  incident.id -= 50;
  EXPECT_FALSE(incidents_.remove(incident.id).has_value());
  EXPECT_FALSE(incidents_.find(incident.id));
}

}  // namespace
}  // namespace vigil::testing
