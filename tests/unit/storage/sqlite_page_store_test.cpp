#include "storage/sqlite/sqlite_page_store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using ::testing::ElementsAre;
using testing::FakeClock;
using ::testing::IsEmpty;
using testing::TempDir;

constexpr Millis kStartMs = 1'700'000'000'000;

class SqlitePageStoreTest : public ::testing::Test {
 protected:
  SqlitePageStoreTest() {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec monitor;
      monitor.tag = tag;
      monitor.name = tag;
      EXPECT_TRUE(monitors_.create(monitor).ok());
    }
  }

  static PageSpec services_page() {
    PageSpec page;
    page.page_path = "services";
    page.page_title = "Services";
    page.page_header = "Our services";
    page.page_subheader = "**All** of them";
    page.page_logo = "https://example.com/logo.png";
    page.page_settings_json = R"({"monitor_layout_style":"compact-grid"})";
    page.monitors = {"web", "api"};
    return page;
  }

  TempDir dir_;
  FakeClock clock_{kStartMs};
  SqliteDatabase db_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitors_{db_};
  SqlitePageStore store_{db_};
};

TEST_F(SqlitePageStoreTest, EveryDatabaseStartsWithTheHomePage) {
  auto pages = store_.list();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].page_path, "");
  EXPECT_EQ(pages[0].page_title, "Home");
  EXPECT_EQ(pages[0].page_header, "Service Status");
  EXPECT_EQ(pages[0].page_settings_json, "{}");
  EXPECT_THAT(pages[0].monitors, IsEmpty());
  EXPECT_TRUE(store_.get("").has_value());
}

TEST_F(SqlitePageStoreTest, CreatedPageReadsBackWithMonitorsInOrder) {
  auto created = store_.create(services_page());
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 1);
  EXPECT_EQ(created->created_at, kStartMs / 1000);

  auto stored = store_.get("services");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->id, created->id);
  EXPECT_EQ(stored->page_title, "Services");
  EXPECT_EQ(stored->page_header, "Our services");
  EXPECT_EQ(stored->page_subheader, "**All** of them");
  EXPECT_EQ(stored->page_logo, "https://example.com/logo.png");
  EXPECT_EQ(stored->page_settings_json, R"({"monitor_layout_style":"compact-grid"})");
  EXPECT_THAT(stored->monitors, ElementsAre("web", "api"));
  EXPECT_EQ(stored->updated_at, kStartMs / 1000);
  EXPECT_FALSE(store_.get("missing").has_value());
}

TEST_F(SqlitePageStoreTest, ListsPagesInCreationOrderHomeFirst) {
  PageSpec zebra = services_page();
  zebra.page_path = "zebra";
  ASSERT_TRUE(store_.create(zebra).ok());
  ASSERT_TRUE(store_.create(services_page()).ok());
  std::vector<std::string> paths;
  for (const auto& page : store_.list()) paths.push_back(page.page_path);
  EXPECT_THAT(paths, ElementsAre("", "zebra", "services"));
}

TEST_F(SqlitePageStoreTest, TakenPathIsAConflict) {
  ASSERT_TRUE(store_.create(services_page()).ok());
  auto again = store_.create(services_page());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "page 'services' already exists");
}

TEST_F(SqlitePageStoreTest, UpdateReplacesFieldsAndMonitorList) {
  auto created = store_.create(services_page());
  ASSERT_TRUE(created.ok());
  clock_.advance(5000);
  PageSpec changed = created.value();
  changed.page_path = "platform";
  changed.page_title = "Platform";
  changed.monitors = {"db", "web", "api"};
  auto updated = store_.update(changed);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->created_at, kStartMs / 1000);
  EXPECT_EQ(updated->updated_at, kStartMs / 1000 + 5);

  EXPECT_FALSE(store_.get("services").has_value());
  auto stored = store_.get("platform");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->page_title, "Platform");
  EXPECT_THAT(stored->monitors, ElementsAre("db", "web", "api"));

  changed.monitors.clear();
  ASSERT_TRUE(store_.update(changed).ok());
  EXPECT_THAT(store_.get("platform")->monitors, IsEmpty());
}

TEST_F(SqlitePageStoreTest, UpdateOntoATakenPathOrAMissingPageFails) {
  auto created = store_.create(services_page());
  ASSERT_TRUE(created.ok());
  PageSpec onto_home = created.value();
  onto_home.page_path = "";
  auto conflict = store_.update(onto_home);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_EQ(conflict.error().message, "page '~home' already exists");
  EXPECT_THAT(store_.get("services")->monitors, ElementsAre("web", "api"));

  PageSpec missing = services_page();
  missing.id = 999;
  missing.page_path = "elsewhere";
  auto not_found = store_.update(missing);
  ASSERT_FALSE(not_found.ok());
  EXPECT_EQ(not_found.error().code, ErrorCode::kNotFound);
}

TEST_F(SqlitePageStoreTest, RemoveDeletesThePage) {
  auto created = store_.create(services_page());
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(store_.remove(created->id));
  EXPECT_FALSE(store_.get("services").has_value());
  EXPECT_FALSE(store_.remove(created->id));
  std::int64_t links = -1;
  db_.read([&](SqliteConnection& c) {
    auto count = c.prepare("SELECT count(*) FROM pages_monitors");
    if (count.step()) links = count.column_int(0);
  });
  EXPECT_EQ(links, 0);
}

TEST_F(SqlitePageStoreTest, UpdatingALinkedMonitorKeepsItOnItsPages) {
  ASSERT_TRUE(store_.create(services_page()).ok());
  MonitorSpec web = *monitors_.get("web");
  web.name = "Website";
  ASSERT_TRUE(monitors_.update(web).ok());
  EXPECT_THAT(store_.get("services")->monitors, ElementsAre("web", "api"));
}

TEST_F(SqlitePageStoreTest, DeletingAMonitorRemovesItFromEveryPage) {
  ASSERT_TRUE(store_.create(services_page()).ok());
  PageSpec home = *store_.get("");
  home.monitors = {"api", "db"};
  ASSERT_TRUE(store_.update(home).ok());

  ASSERT_TRUE(monitors_.remove("api"));
  EXPECT_THAT(store_.get("services")->monitors, ElementsAre("web"));
  EXPECT_THAT(store_.get("")->monitors, ElementsAre("db"));
}

}  // namespace
}  // namespace vigil
