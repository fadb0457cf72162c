// SqliteMaintenanceStore: plans, their planned events, event queries and status changes.
#include "storage/sqlite/sqlite_maintenance_store.hpp"

#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr Millis kStartMs = 1'700'000'000'000;
constexpr Seconds kT = 1'700'000'000;
using EventStatus = MaintenanceEventStatus;

class SqliteMaintenanceStoreTest : public ::testing::Test {
 protected:
  SqliteMaintenanceStoreTest() {
    for (const char* tag : {"api", "db"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = tag;
      EXPECT_TRUE(monitors_.create(spec).ok());
    }
  }

  Maintenance plan(std::string title, std::vector<MonitorImpact> monitors, bool global = false,
                   bool active = true, std::vector<Occurrence> occurrences = {}) {
    Maintenance m;
    m.title = std::move(title);
    m.description = "**db** upgrade";
    m.start_date_time = kT;
    m.rrule = "FREQ=DAILY";
    m.duration_seconds = 3600;
    m.timezone = "Europe/Berlin";
    m.monitors = std::move(monitors);
    m.global = global;
    m.active = active;
    return store_.create(m, occurrences);
  }

  std::vector<Seconds> starts(const MaintenanceEventQuery& query) {
    std::vector<Seconds> out;
    for (const auto& d : store_.events(query).events) out.push_back(d.event.start_date_time);
    return out;
  }

  TempDir dir_;
  FakeClock clock_{kStartMs};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqliteMaintenanceStore store_{db_};
};

TEST_F(SqliteMaintenanceStoreTest, CreatedPlanReadsBackWithItsMonitorsAndEvents) {
  Maintenance created = plan("Upgrade", {{"db", Status::kMaintenance}, {"api", Status::kDegraded}},
                             true, true, {{kT, kT + 3600}});
  auto got = store_.get(created.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "Upgrade");
  EXPECT_EQ(got->description, "**db** upgrade");
  EXPECT_EQ(got->rrule, "FREQ=DAILY");
  EXPECT_EQ(got->duration_seconds, 3600);
  EXPECT_EQ(got->timezone, "Europe/Berlin");
  EXPECT_TRUE(got->active);
  EXPECT_TRUE(got->global);
  EXPECT_EQ(got->created_at, kT);
  EXPECT_EQ(got->monitors,
            (std::vector<MonitorImpact>{{"api", Status::kDegraded}, {"db", Status::kMaintenance}}));
  auto events = store_.events({}).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.maintenance_id, created.id);
  EXPECT_EQ(events[0].event.end_date_time, kT + 3600);
  EXPECT_EQ(events[0].event.status, EventStatus::kScheduled);
  EXPECT_EQ(events[0].maintenance.title, "Upgrade");
  EXPECT_EQ(events[0].maintenance.monitors.size(), 2u);
}

TEST_F(SqliteMaintenanceStoreTest, ListFiltersOnStatusAndMonitorNewestFirst) {
  plan("a", {{"api", Status::kMaintenance}});
  plan("b", {{"db", Status::kMaintenance}}, false, false);
  plan("c", {{"api", Status::kMaintenance}, {"db", Status::kDown}});
  auto names = [&](const MaintenanceFilter& f) {
    std::vector<std::string> out;
    for (const auto& m : store_.list(f)) out.push_back(m.title);
    return out;
  };
  EXPECT_EQ(names({}), (std::vector<std::string>{"c", "b", "a"}));
  EXPECT_EQ(names({false, std::nullopt}), (std::vector<std::string>{"b"}));
  EXPECT_EQ(names({true, "db"}), (std::vector<std::string>{"c"}));
  EXPECT_EQ(names({std::nullopt, "api"}), (std::vector<std::string>{"c", "a"}));
}

TEST_F(SqliteMaintenanceStoreTest, OccurrencesArePlannedOnceEvenAfterTheWindowMoved) {
  Maintenance m = plan("daily", {});
  EXPECT_EQ(store_.add_occurrences(m.id, {{kT, kT + 60}, {kT + kDay, kT + kDay + 60}}), 2);
  EXPECT_EQ(store_.add_occurrences(m.id, {{kT, kT + 60}, {kT + 2 * kDay, kT + 2 * kDay + 60}}), 1);
  auto first = store_.events({}).events.front().event;
  first.start_date_time = kT + 600;
  first.end_date_time = kT + 900;
  ASSERT_TRUE(store_.update_event(first).ok());
  EXPECT_EQ(store_.add_occurrences(m.id, {{kT, kT + 60}}), 0)
      << "the occurrence that was moved is not planned again";
  EXPECT_EQ(store_.add_occurrences(m.id + 1, {{kT, kT + 60}}), 0) << "no such maintenance";
  EXPECT_EQ(store_.events({}).total, 3);
}

TEST_F(SqliteMaintenanceStoreTest, EventQueriesFilterPageAndCount) {
  Maintenance api = plan("api", {{"api", Status::kMaintenance}}, false, true,
                         {{kT, kT + 100}, {kT + 200, kT + 300}, {kT + 400, kT + 500}});
  Maintenance global = plan("global", {}, true, true, {{kT + 50, kT + 150}});
  plan("off", {{"db", Status::kMaintenance}}, false, false, {{kT + 60, kT + 70}});

  EXPECT_EQ(starts({}), (std::vector<Seconds>{kT, kT + 50, kT + 60, kT + 200, kT + 400}));
  MaintenanceEventQuery page;
  page.offset = 1;
  page.limit = 2;
  auto paged = store_.events(page);
  EXPECT_EQ(paged.total, 5);
  ASSERT_EQ(paged.events.size(), 2u);
  EXPECT_EQ(paged.events[0].event.start_date_time, kT + 50);

  MaintenanceEventQuery of_api;
  of_api.maintenance_id = api.id;
  of_api.start_from = kT + 200;
  EXPECT_EQ(starts(of_api), (std::vector<Seconds>{kT + 200, kT + 400}));

  MaintenanceEventQuery overlap;
  overlap.overlap_from = kT + 99;
  overlap.overlap_to = kT + 201;
  EXPECT_EQ(starts(overlap), (std::vector<Seconds>{kT, kT + 50, kT + 200}));
  overlap.active_only = true;
  overlap.monitor_tags = std::vector<std::string>{"db"};
  overlap.include_global = true;
  EXPECT_EQ(starts(overlap), (std::vector<Seconds>{kT + 50})) << "db's plan is inactive";

  MaintenanceEventQuery tagged;
  tagged.monitor_tags = std::vector<std::string>{"db"};
  EXPECT_EQ(starts(tagged), (std::vector<Seconds>{kT + 60}));
  EXPECT_EQ(store_.events(tagged).events[0].maintenance.title, "off");

  MaintenanceEventQuery statuses;
  statuses.statuses = {EventStatus::kOngoing};
  EXPECT_TRUE(starts(statuses).empty());
  EXPECT_NE(global.id, api.id);
}

TEST_F(SqliteMaintenanceStoreTest, UpdateEventRefusesASecondEventAtTheSameStart) {
  Maintenance m = plan("m", {}, false, true, {{kT, kT + 60}, {kT + 120, kT + 180}});
  auto events = store_.events({}).events;
  MaintenanceEvent second = events[1].event;
  second.start_date_time = kT;
  auto clash = store_.update_event(second);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  second.start_date_time = kT + 60;
  second.status = EventStatus::kCancelled;
  auto moved = store_.update_event(second);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->maintenance_id, m.id);
  EXPECT_EQ(store_.event(second.id)->status, EventStatus::kCancelled);
  second.id += 10;
  EXPECT_EQ(store_.update_event(second).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteMaintenanceStoreTest, StatusChangesApplyOnlyToEventsAsTheyWereRead) {
  plan("m", {}, false, true, {{kT, kT + 60}, {kT + 120, kT + 180}});
  auto events = store_.events({}).events;
  MaintenanceEvent cancelled = events[1].event;
  cancelled.status = EventStatus::kCancelled;
  ASSERT_TRUE(store_.update_event(cancelled).ok());
  std::int64_t applied = store_.set_event_statuses(
      {{events[0].event, EventStatus::kOngoing}, {events[1].event, EventStatus::kReady}});
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(store_.event(events[0].event.id)->status, EventStatus::kOngoing);
  EXPECT_EQ(store_.event(events[1].event.id)->status, EventStatus::kCancelled);
}

TEST_F(SqliteMaintenanceStoreTest, RescheduleDropsWindowsNotStartedAndStretchesUnfinishedOnes) {
  Maintenance m = plan("m", {{"api", Status::kMaintenance}}, false, true,
                       {{kT - 600, kT + 600}, {kT + 3600, kT + 4200}, {kT - 7200, kT - 6600}});
  auto events = store_.events({}).events;
  store_.set_event_statuses(
      {{events[0].event, EventStatus::kCompleted}, {events[1].event, EventStatus::kOngoing}});
  m.duration_seconds = 1800;
  m.monitors = {{"db", Status::kDown}};
  auto updated = store_.update(
      m, Reschedule{kT, {{kT - 600, kT + 1200}, {kT + 7200, kT + 9000}, {kT - 7200, kT - 5400}}});
  ASSERT_TRUE(updated);
  EXPECT_EQ(store_.get(m.id)->monitors, (std::vector<MonitorImpact>{{"db", Status::kDown}}));
  auto after = store_.events({}).events;
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].event.end_date_time, kT - 6600) << "a finished window stays as it was";
  EXPECT_EQ(after[1].event.end_date_time, kT + 1200) << "the ongoing window takes the new length";
  EXPECT_EQ(after[2].event.start_date_time, kT + 7200) << "the window not started is replaced";
  m.id += 10;
  EXPECT_FALSE(store_.update(m, std::nullopt));
}

TEST_F(SqliteMaintenanceStoreTest, RemovingAPlanOrAMonitorRemovesWhatHangsOnIt) {
  Maintenance m = plan("m", {{"api", Status::kMaintenance}, {"db", Status::kMaintenance}}, false,
                       true, {{kT, kT + 60}});
  ASSERT_TRUE(monitors_.remove("api"));
  EXPECT_EQ(store_.get(m.id)->monitors, (std::vector<MonitorImpact>{{"db", Status::kMaintenance}}));
  auto event = store_.events({}).events.front().event;
  EXPECT_TRUE(store_.remove_event(event.id));
  EXPECT_FALSE(store_.remove_event(event.id));
  store_.add_occurrences(m.id, {{kT + 60, kT + 120}});
  EXPECT_TRUE(store_.remove(m.id));
  EXPECT_FALSE(store_.remove(m.id));
  EXPECT_EQ(store_.events({}).total, 0);
}

}  // namespace
}  // namespace vigil
