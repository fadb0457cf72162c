// MaintenanceService: planning events from RRULEs in a time zone, the clock-driven event states on
// a FakeClock, manual completion and cancellation, and the reads pages and status layers use.
#include "services/maintenance_service.hpp"

#include <gtest/gtest.h>

#include <ctime>

#include "fake_clock.hpp"
#include "probes/probe_registry.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_maintenance_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

using EventStatus = MaintenanceEventStatus;

Seconds utc(int year, int month, int day, int hour, int minute = 0) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  return timegm(&tm);
}

const Seconds kNow = utc(2024, 3, 24, 12);  // a Sunday; Berlin changes to CEST a week later

class MaintenanceServiceTest : public ::testing::Test {
 protected:
  MaintenanceServiceTest()
      : database_(dir_.file("vigil.db"), clock_),
        monitor_store_(database_),
        store_(database_),
        monitors_(monitor_store_, registry_),
        maintenances_(store_, monitors_, revision_, clock_) {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = tag;
      EXPECT_TRUE(monitors_.create(spec).ok());
    }
    maintenances_.refresh();
  }

  Seconds now() const { return to_seconds(clock_.now_ms()); }
  void at(Seconds t) { clock_.set(t * 1000); }

  Maintenance plan(Seconds start, std::string rrule, Seconds duration,
                   std::vector<MonitorImpact> monitors = {}, std::string zone = "UTC",
                   bool global = false) {
    Maintenance m;
    m.title = "Upgrade";
    m.description = "Rolling **restart**";
    m.start_date_time = start;
    m.rrule = std::move(rrule);
    m.duration_seconds = duration;
    m.timezone = std::move(zone);
    m.monitors = std::move(monitors);
    m.global = global;
    auto created = maintenances_.create(m);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.value();
  }

  std::vector<MaintenanceEvent> events_of(const Maintenance& m) {
    MaintenanceEventQuery query;
    query.maintenance_id = m.id;
    std::vector<MaintenanceEvent> out;
    for (auto& detail : maintenances_.events(query).events) out.push_back(detail.event);
    return out;
  }

  MaintenanceEvent only_event(const Maintenance& m) {
    auto events = events_of(m);
    EXPECT_EQ(events.size(), 1u);
    return events.empty() ? MaintenanceEvent{} : events.front();
  }

  TempDir dir_;
  FakeClock clock_{kNow * 1000};
  SqliteDatabase database_;
  SqliteMonitorStore monitor_store_;
  SqliteMaintenanceStore store_;
  ProbeRegistry registry_;
  MonitorService monitors_;
  SiteRevision revision_;
  MaintenanceService maintenances_;
};

TEST_F(MaintenanceServiceTest, AOneOffEventMovesThroughEveryStateByTheClock) {
  const Seconds start = kNow + 2 * kHour;
  Maintenance m =
      plan(start, "FREQ=MINUTELY;COUNT=1", 30 * kMinute, {{"db", Status::kMaintenance}});
  MaintenanceEvent event = only_event(m);
  EXPECT_EQ(event.start_date_time, start);
  EXPECT_EQ(event.end_date_time, start + 30 * kMinute);
  EXPECT_EQ(event.status, EventStatus::kScheduled);

  EXPECT_EQ(maintenances_.advance_states(), 0);
  at(start - kHour - 1);
  EXPECT_EQ(maintenances_.advance_states(), 0);
  EXPECT_FALSE(maintenances_.impact_at("db", now()));
  at(start - kHour);
  auto before = revision_.value();
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_GT(revision_.value(), before);
  EXPECT_EQ(only_event(m).status, EventStatus::kReady);
  at(start);
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_EQ(only_event(m).status, EventStatus::kOngoing);
  EXPECT_EQ(maintenances_.impact_at("db", now()), Status::kMaintenance);
  at(start + 30 * kMinute);
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_EQ(only_event(m).status, EventStatus::kCompleted);
  EXPECT_FALSE(maintenances_.impact_at("db", now()));
  EXPECT_EQ(maintenances_.advance_states(), 0);
}

TEST_F(MaintenanceServiceTest, AOneOffIsPlannedAtOnceEvenBeyondTheHorizonOrInThePast) {
  Maintenance later = plan(kNow + 30 * kDay, "FREQ=MINUTELY;COUNT=1", kHour);
  EXPECT_EQ(only_event(later).start_date_time, kNow + 30 * kDay);
  Maintenance past = plan(kNow - 2 * kDay, "FREQ=MINUTELY;COUNT=1", kHour);
  EXPECT_EQ(only_event(past).status, EventStatus::kCompleted) << "states are set on creation";
  EXPECT_EQ(maintenances_.expand_upcoming(), 0) << "one-offs are never expanded again";
}

TEST_F(MaintenanceServiceTest, RecurringRulesArePlannedAWeekAheadWithoutDuplicates) {
  Maintenance daily = plan(kNow - 10 * kDay + kHour, "FREQ=DAILY", kHour);
  auto events = events_of(daily);
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events.front().start_date_time, kNow + kHour);
  EXPECT_EQ(maintenances_.expand_upcoming(), 0);
  at(kNow + kDay);
  EXPECT_EQ(maintenances_.expand_upcoming(), 1);
  EXPECT_EQ(events_of(daily).size(), 8u);
}

TEST_F(MaintenanceServiceTest, AWindowAlreadyUnderWayIsPlannedToo) {
  Maintenance daily =
      plan(kNow - 10 * kDay - 30 * kMinute, "FREQ=DAILY", kHour, {{"api", Status::kDown}});
  EXPECT_EQ(events_of(daily).front().start_date_time, kNow - 30 * kMinute);
  EXPECT_EQ(events_of(daily).front().status, EventStatus::kOngoing);
  EXPECT_EQ(maintenances_.impact_at("api", kNow), Status::kDown);
}

TEST_F(MaintenanceServiceTest, BerlinWeeklyWindowStaysAtNineLocalAcrossTheChange) {
  // Monday 09:00 Europe/Berlin, first on 2024-03-18 (08:00 UTC).
  Maintenance weekly =
      plan(utc(2024, 3, 18, 8), "FREQ=WEEKLY;BYDAY=MO", kHour, {}, "Europe/Berlin");
  EXPECT_EQ(only_event(weekly).start_date_time, utc(2024, 3, 25, 8));
  at(utc(2024, 3, 31, 12));
  EXPECT_EQ(maintenances_.expand_upcoming(), 1);
  auto events = events_of(weekly);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].start_date_time, utc(2024, 4, 1, 7)) << "09:00 CEST";
  EXPECT_EQ(events[1].end_date_time, utc(2024, 4, 1, 8));
}

TEST_F(MaintenanceServiceTest, CompletingEarlyEndsTheWindowNowAndIsFinal) {
  Maintenance m =
      plan(kNow - 10 * kMinute, "FREQ=MINUTELY;COUNT=1", kHour, {{"web", Status::kMaintenance}});
  MaintenanceEvent event = only_event(m);
  EXPECT_EQ(event.status, EventStatus::kOngoing);
  at(kNow + 5 * kMinute);
  auto done = maintenances_.finish_event(m.id, event.id, EventStatus::kCompleted);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, EventStatus::kCompleted);
  EXPECT_EQ(done->end_date_time, kNow + 5 * kMinute);
  EXPECT_FALSE(maintenances_.impact_at("web", now()));
  EXPECT_EQ(maintenances_.impact_at("web", kNow), Status::kMaintenance) << "before completion";

  auto again = maintenances_.finish_event(m.id, event.id, EventStatus::kCancelled);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(again.error().message.find("final"), std::string::npos);
  EXPECT_EQ(maintenances_.advance_states(), 0);
}

TEST_F(MaintenanceServiceTest, CancellingKeepsAPlannedWindowAndEndsAnOngoingOne) {
  Maintenance ahead = plan(kNow + kDay, "FREQ=MINUTELY;COUNT=1", kHour, {{"db", Status::kDown}});
  MaintenanceEvent planned = only_event(ahead);
  auto cancelled = maintenances_.finish_event(ahead.id, planned.id, EventStatus::kCancelled);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->start_date_time, kNow + kDay);
  EXPECT_EQ(cancelled->end_date_time, kNow + kDay + kHour);
  at(kNow + kDay + 60);
  EXPECT_EQ(maintenances_.advance_states(), 0) << "CANCELLED is final";
  EXPECT_FALSE(maintenances_.impact_at("db", now())) << "a cancelled window imposes nothing";

  Maintenance running = plan(now() - 60, "FREQ=MINUTELY;COUNT=1", kHour);
  auto stopped =
      maintenances_.finish_event(running.id, only_event(running).id, EventStatus::kCancelled);
  ASSERT_TRUE(stopped.ok());
  EXPECT_EQ(stopped->end_date_time, now());
}

TEST_F(MaintenanceServiceTest, OnlyAnOngoingEventCanBeCompleted) {
  Maintenance m = plan(kNow + 3 * kHour, "FREQ=MINUTELY;COUNT=1", kHour);
  auto early = maintenances_.finish_event(m.id, only_event(m).id, EventStatus::kCompleted);
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().message.find("only an ONGOING event"), std::string::npos);
  auto back = maintenances_.finish_event(m.id, only_event(m).id, EventStatus::kScheduled);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, ErrorCode::kBadRequest);
  at(kNow + 3 * kHour + 1);  // started, though advance_states has not run yet
  EXPECT_TRUE(maintenances_.finish_event(m.id, only_event(m).id, EventStatus::kCompleted).ok());
}

TEST_F(MaintenanceServiceTest, MovingAWindowSetsItsStatusByTheClock) {
  Maintenance m = plan(kNow + 3 * kHour, "FREQ=DAILY;COUNT=2", kHour);
  auto events = events_of(m);
  ASSERT_EQ(events.size(), 2u);
  auto moved = maintenances_.move_event(m.id, events[0].id, kNow - 90, kNow + 1830);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->start_date_time, floor_to(kNow - 90, kMinute));
  EXPECT_EQ(moved->end_date_time, floor_to(kNow + 1830, kMinute));
  EXPECT_EQ(moved->status, EventStatus::kOngoing);

  auto clash = maintenances_.move_event(m.id, events[1].id, kNow - 90, kNow);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  auto backwards = maintenances_.move_event(m.id, events[1].id, kNow, kNow);
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().code, ErrorCode::kBadRequest);
  auto elsewhere = maintenances_.move_event(m.id + 1, events[1].id, kNow, kNow + 60);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
}

TEST_F(MaintenanceServiceTest, BadPlansAreBadRequests) {
  auto attempt = [&](const std::string& rrule, const std::string& zone,
                     std::vector<MonitorImpact> monitors = {}, Seconds duration = kHour) {
    Maintenance m;
    m.title = "x";
    m.start_date_time = kNow;
    m.rrule = rrule;
    m.timezone = zone;
    m.duration_seconds = duration;
    m.monitors = std::move(monitors);
    auto created = maintenances_.create(m);
    EXPECT_FALSE(created.ok()) << rrule;
    return created.ok() ? std::string() : created.error().message;
  };
  EXPECT_NE(attempt("FREQ=NEVER", "UTC").find("rrule:"), std::string::npos);
  EXPECT_NE(attempt("FREQ=DAILY", "Atlantis/Capital").find("timezone:"), std::string::npos);
  EXPECT_EQ(attempt("FREQ=DAILY", "UTC", {{"ghost", Status::kMaintenance}}),
            "Monitor with tag 'ghost' not found");
  EXPECT_NE(attempt("FREQ=DAILY", "UTC", {}, 0).find("duration_seconds"), std::string::npos);
  EXPECT_NE(attempt("", "UTC").find("rrule"), std::string::npos);
  EXPECT_TRUE(maintenances_.list({}).empty());
}

TEST_F(MaintenanceServiceTest, AScheduleChangeReplacesTheWindowsNotStarted) {
  Maintenance m = plan(kNow - 10 * kDay + 2 * kHour, "FREQ=DAILY", kHour);
  ASSERT_EQ(events_of(m).size(), 7u);
  m.rrule = "FREQ=DAILY;INTERVAL=2";
  auto updated = maintenances_.update(m);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  auto events = events_of(m);
  ASSERT_EQ(events.size(), 4u);
  for (const auto& e : events) EXPECT_EQ((e.start_date_time - m.start_date_time) % (2 * kDay), 0);

  m.title = "Renamed";
  ASSERT_TRUE(maintenances_.update(m).ok());
  EXPECT_EQ(events_of(m).front().id, events.front().id) << "same schedule, same events";
  m.id += 10;
  EXPECT_EQ(maintenances_.update(m).error().code, ErrorCode::kNotFound);
}

TEST_F(MaintenanceServiceTest, InactivePlansAreNotExpandedAndImposeNothing) {
  Maintenance m = plan(kNow - kDay - 30 * kMinute, "FREQ=DAILY", kHour, {{"api", Status::kDown}});
  EXPECT_EQ(maintenances_.impact_at("api", kNow), Status::kDown);
  m.active = false;
  ASSERT_TRUE(maintenances_.update(m).ok());
  EXPECT_FALSE(maintenances_.impact_at("api", kNow));
  EXPECT_TRUE(maintenances_.ongoing_events(kNow).empty());
  at(kNow + 8 * kDay);
  EXPECT_EQ(maintenances_.expand_upcoming(), 0);
  m.active = true;
  ASSERT_TRUE(maintenances_.update(m).ok());
  EXPECT_EQ(maintenances_.ongoing_events(now()).size(), 1u) << "reactivated: planned again";
}

TEST_F(MaintenanceServiceTest, ImpactIsTheStrongestOfTheWindowsAndUpImposesNothing) {
  plan(kNow - kMinute, "FREQ=MINUTELY;COUNT=1", kHour,
       {{"api", Status::kMaintenance}, {"db", Status::kUp}});
  plan(kNow - kMinute, "FREQ=MINUTELY;COUNT=1", kMinute * 30, {{"api", Status::kDegraded}});
  EXPECT_EQ(maintenances_.impact_at("api", kNow), Status::kDegraded);
  EXPECT_EQ(maintenances_.impact_at("api", kNow + kHour - 2 * kMinute), Status::kMaintenance);
  EXPECT_FALSE(maintenances_.impact_at("db", kNow));
}

TEST_F(MaintenanceServiceTest, ReadsHonourThePagesMonitorsAndGlobalPlans) {
  Maintenance api =
      plan(kNow - kMinute, "FREQ=MINUTELY;COUNT=1", kHour, {{"api", Status::kMaintenance}});
  plan(kNow - kMinute, "FREQ=MINUTELY;COUNT=1", kHour, {}, "UTC", true);
  plan(kNow + 2 * kHour, "FREQ=MINUTELY;COUNT=1", kHour, {{"db", Status::kMaintenance}});
  plan(kNow + 3 * kDay, "FREQ=MINUTELY;COUNT=1", kHour, {{"db", Status::kMaintenance}});

  auto ongoing = maintenances_.ongoing_events(kNow, std::vector<std::string>{"api"});
  ASSERT_EQ(ongoing.size(), 2u);
  EXPECT_EQ(maintenances_.ongoing_events(kNow, std::vector<std::string>{"db"}).size(), 1u);
  EXPECT_EQ(ongoing[0].maintenance.title, "Upgrade");
  EXPECT_EQ(ongoing[0].maintenance.description, "Rolling **restart**");

  auto upcoming = maintenances_.upcoming_events(kNow, kDay, std::vector<std::string>{"db"});
  ASSERT_EQ(upcoming.size(), 1u);
  EXPECT_EQ(upcoming[0].event.start_date_time, kNow + 2 * kHour);
  EXPECT_EQ(maintenances_.upcoming_events(kNow, 7 * kDay).size(), 2u);

  ASSERT_TRUE(maintenances_.finish_event(api.id, only_event(api).id, EventStatus::kCancelled).ok());
  EXPECT_EQ(maintenances_.ongoing_events(kNow + 1).size(), 1u) << "cancelled windows are not on";
  EXPECT_EQ(maintenances_.events_overlapping(kNow - kDay, kNow + kDay).size(), 3u)
      << "history keeps cancelled windows";
}

TEST_F(MaintenanceServiceTest, DeletingAPlanOrAnEventNeedsItToExist) {
  Maintenance m = plan(kNow + kHour, "FREQ=MINUTELY;COUNT=1", kHour);
  EXPECT_EQ(maintenances_.remove_event(m.id + 1, only_event(m).id)->code, ErrorCode::kNotFound);
  EXPECT_FALSE(maintenances_.remove_event(m.id, only_event(m).id).has_value());
  EXPECT_TRUE(events_of(m).empty());
  EXPECT_FALSE(maintenances_.remove(m.id).has_value());
  EXPECT_EQ(maintenances_.remove(m.id)->code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace vigil::testing
