// SqliteIncidentStore: incidents with monitor impacts, filters, comments and their progress.
#include "storage/sqlite/sqlite_incident_store.hpp"

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

class SqliteIncidentStoreTest : public ::testing::Test {
 protected:
  SqliteIncidentStoreTest() {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = tag;
      EXPECT_TRUE(monitors_.create(spec).ok());
    }
  }

  Incident incident(std::string title, Seconds start, std::optional<Seconds> end,
                    std::vector<MonitorImpact> monitors, bool global = false) {
    Incident i;
    i.title = std::move(title);
    i.start_date_time = start;
    i.end_date_time = end;
    i.monitors = std::move(monitors);
    i.global = global;
    return store_.create(i);
  }

  std::vector<std::string> titles(const IncidentQuery& query) {
    std::vector<std::string> out;
    for (const auto& i : store_.list(query)) out.push_back(i.title);
    return out;
  }

  TempDir dir_;
  FakeClock clock_{kStartMs};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqliteIncidentStore store_{db_};
};

TEST_F(SqliteIncidentStoreTest, CreatedIncidentReadsBackWithEveryField) {
  Incident i;
  i.title = "Checkout errors";
  i.start_date_time = kT - 600;
  i.end_date_time = kT;
  i.state = IncidentState::kMonitoring;
  i.source = IncidentSource::kDashboard;
  i.global = false;
  i.monitors = {{"db", Status::kDegraded}, {"api", Status::kDown}};
  Incident created = store_.create(i);
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.created_at, kT);

  auto got = store_.get(created.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "Checkout errors");
  EXPECT_EQ(got->start_date_time, kT - 600);
  EXPECT_EQ(got->end_date_time, kT);
  EXPECT_EQ(got->state, IncidentState::kMonitoring);
  EXPECT_EQ(got->source, IncidentSource::kDashboard);
  EXPECT_FALSE(got->global);
  std::vector<MonitorImpact> sorted = {{"api", Status::kDown}, {"db", Status::kDegraded}};
  EXPECT_EQ(got->monitors, sorted);
  EXPECT_EQ(got->updated_at, kT);
  EXPECT_FALSE(store_.get(created.id + 1));
}

TEST_F(SqliteIncidentStoreTest, ListFiltersOnStartAndTagsNewestStartFirst) {
  incident("old", kT - 3000, kT - 2000, {{"api", Status::kDown}});
  incident("mid", kT - 2000, std::nullopt, {{"db", Status::kDown}});
  incident("new", kT - 1000, std::nullopt, {{"web", Status::kDown}}, true);

  EXPECT_EQ(titles({}), (std::vector<std::string>{"new", "mid", "old"}));
  IncidentQuery range;
  range.start_from = kT - 2000;
  range.start_until = kT - 1500;
  EXPECT_EQ(titles(range), (std::vector<std::string>{"mid"}));
  IncidentQuery tags;
  tags.monitor_tags = std::vector<std::string>{"api", "web"};
  EXPECT_EQ(titles(tags), (std::vector<std::string>{"new", "old"}));
  IncidentQuery limited;
  limited.limit = 1;
  EXPECT_EQ(titles(limited), (std::vector<std::string>{"new"}));
}

TEST_F(SqliteIncidentStoreTest, ScopeAddsGlobalIncidentsAndAnEmptyScopeOnlyThose) {
  incident("api only", kT, std::nullopt, {{"api", Status::kDown}});
  incident("global", kT, std::nullopt, {{"web", Status::kDown}}, true);
  IncidentQuery scoped;
  scoped.monitor_tags = std::vector<std::string>{"api"};
  scoped.include_global = true;
  EXPECT_EQ(titles(scoped), (std::vector<std::string>{"global", "api only"}));
  scoped.monitor_tags = std::vector<std::string>{};
  EXPECT_EQ(titles(scoped), (std::vector<std::string>{"global"}));
  scoped.include_global = false;
  EXPECT_TRUE(titles(scoped).empty());
}

TEST_F(SqliteIncidentStoreTest, OverlapTreatsAnOpenIncidentAsRunningOn) {
  incident("ended", kT - 7200, kT - 3600, {});
  incident("open", kT - 7200, std::nullopt, {});
  incident("later", kT + 3600, std::nullopt, {});
  IncidentQuery now;
  now.overlap_from = kT;
  now.overlap_to = kT + 1;
  EXPECT_EQ(titles(now), (std::vector<std::string>{"open"}));
  IncidentQuery earlier;
  earlier.overlap_from = kT - 4000;
  earlier.overlap_to = kT - 3600;
  EXPECT_EQ(titles(earlier), (std::vector<std::string>{"open", "ended"}));
  IncidentQuery at_end;
  at_end.overlap_from = kT - 3600;
  at_end.overlap_to = kT - 3599;
  EXPECT_EQ(titles(at_end), (std::vector<std::string>{"open"})) << "the end is exclusive";
}

TEST_F(SqliteIncidentStoreTest, UpdateReplacesFieldsAndMonitorsAndKeepsCreationTime) {
  Incident created = incident("a", kT, std::nullopt, {{"api", Status::kDown}});
  clock_.advance(60'000);
  created.title = "b";
  created.end_date_time = kT + 60;
  created.monitors = {{"db", Status::kDegraded}};
  auto updated = store_.update(created);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->created_at, kT);
  EXPECT_EQ(updated->updated_at, kT + 60);
  auto got = store_.get(created.id);
  EXPECT_EQ(got->title, "b");
  EXPECT_EQ(got->end_date_time, kT + 60);
  EXPECT_EQ(got->monitors, (std::vector<MonitorImpact>{{"db", Status::kDegraded}}));
  created.id += 100;
  EXPECT_FALSE(store_.update(created));
}

TEST_F(SqliteIncidentStoreTest, CommentsAreNewestFirstAndMoveTheirIncidentInOneGo) {
  Incident created = incident("a", kT - 600, std::nullopt, {});
  IncidentComment first;
  first.incident_id = created.id;
  first.comment = "Looking";
  first.commented_at = kT - 540;
  store_.add_comment(first, std::nullopt);
  IncidentComment fixed = first;
  fixed.comment = "Fixed";
  fixed.state = IncidentState::kResolved;
  fixed.commented_at = kT - 60;
  IncidentComment stored =
      store_.add_comment(fixed, IncidentProgress{IncidentState::kResolved, kT - 60});
  EXPECT_GT(stored.id, 0);

  auto all = store_.comments(created.id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].comment, "Fixed");
  EXPECT_EQ(all[1].comment, "Looking");
  auto resolved = store_.get(created.id);
  EXPECT_EQ(resolved->state, IncidentState::kResolved);
  EXPECT_EQ(resolved->end_date_time, kT - 60);

  stored.state = IncidentState::kMonitoring;
  ASSERT_TRUE(store_.update_comment(stored, IncidentProgress{IncidentState::kMonitoring, {}}));
  EXPECT_EQ(store_.comment(created.id, stored.id)->state, IncidentState::kMonitoring);
  EXPECT_FALSE(store_.get(created.id)->end_date_time);
  EXPECT_FALSE(store_.comment(created.id + 1, stored.id)) << "a comment belongs to one incident";

  EXPECT_TRUE(store_.remove_comment(created.id, stored.id));
  EXPECT_FALSE(store_.remove_comment(created.id, stored.id));
  EXPECT_EQ(store_.comments(created.id).size(), 1u);
}

TEST_F(SqliteIncidentStoreTest, RemovingAnIncidentRemovesItsCommentsAndLinks) {
  Incident created = incident("a", kT, std::nullopt, {{"api", Status::kDown}});
  IncidentComment c;
  c.incident_id = created.id;
  c.comment = "x";
  c.commented_at = kT;
  store_.add_comment(c, std::nullopt);
  EXPECT_TRUE(store_.remove(created.id));
  EXPECT_FALSE(store_.remove(created.id));
  EXPECT_TRUE(store_.comments(created.id).empty());
  std::int64_t links = -1;
  db_.read([&](SqliteConnection& conn) {
    auto stmt = conn.prepare("SELECT count(*) FROM incident_monitors");
    if (stmt.step()) links = stmt.column_int(0);
  });
  EXPECT_EQ(links, 0);
}

TEST_F(SqliteIncidentStoreTest, DeletingAMonitorRemovesItsLinks) {
  Incident created =
      incident("a", kT, std::nullopt, {{"api", Status::kDown}, {"db", Status::kDown}});
  ASSERT_TRUE(monitors_.remove("api"));
  EXPECT_EQ(store_.get(created.id)->monitors, (std::vector<MonitorImpact>{{"db", Status::kDown}}));
}

}  // namespace
}  // namespace vigil
