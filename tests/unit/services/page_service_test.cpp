// Status pages: create, read by path or ~home, deep-merged updates, deletes, monitor links and
// config reconciliation, against a real SQLite store.
#include "services/page_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "probes/probe_registry.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_page_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class PageServiceTest : public ::testing::Test {
 protected:
  PageServiceTest() {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec monitor;
      monitor.tag = tag;
      monitor.name = tag;
      EXPECT_TRUE(monitors_.create(monitor).ok());
    }
    pages_.load();
  }

  static PageSpec requested(std::string path, std::string settings = "{}") {
    PageSpec page;
    page.page_path = std::move(path);
    page.page_title = "Services";
    page.page_header = "Our services";
    page.page_settings_json = std::move(settings);
    page.monitors = {"web", "api"};
    return page;
  }

  PageSpec created(std::string path, std::string settings = "{}") {
    auto page = pages_.create(requested(std::move(path), std::move(settings)));
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page.value() : PageSpec{};
  }

  Error update_error(std::string_view token, const PagePatch& patch) {
    auto result = pages_.update(token, patch);
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{} : result.error();
  }

  TempDir dir_;
  SqliteDatabase database_{dir_.file("vigil.db")};
  SqliteMonitorStore monitor_store_{database_};
  SqlitePageStore page_store_{database_};
  ProbeRegistry catalog_;
  MonitorService monitors_{monitor_store_, catalog_};
  SiteRevision revision_;
  PageService pages_{page_store_, monitors_, revision_};
};

TEST_F(PageServiceTest, TheHomePageIsThereWithKenersDefaultSettings) {
  auto pages = pages_.list();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0]->page_path, "");
  auto home = pages_.get("~home");
  ASSERT_TRUE(home.ok());
  EXPECT_EQ(home.value(), pages_.find(""));
  EXPECT_EQ(home.value()->settings, PageSettings{});
  EXPECT_THAT(home.value()->page_settings_json,
              HasSubstr(R"("monitor_layout_style":"default-list")"));
  EXPECT_EQ(pages_.get("nope").error().code, ErrorCode::kNotFound);
}

TEST_F(PageServiceTest, CreateSanitisesThePathAndMergesSettingsOverTheDefaults) {
  const auto start = revision_.value();
  PageSpec page = created("Status Page", R"({"monitor_layout_style":"compact-grid",)"
                                         R"("monitor_status_history_days":{"mobile":14},)"
                                         R"("custom_flag":true})");
  EXPECT_EQ(page.page_path, "status-page");
  EXPECT_THAT(page.monitors, ElementsAre("web", "api"));
  EXPECT_EQ(page.settings.monitor_layout_style, "compact-grid");
  EXPECT_EQ(page.settings.history_days_mobile, 14);
  EXPECT_EQ(page.settings.history_days_desktop, 90);
  EXPECT_THAT(page.page_settings_json, HasSubstr(R"("custom_flag":true)"));
  EXPECT_GT(revision_.value(), start);

  auto found = pages_.find("status-page");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->settings.history_days_mobile, 14);
  std::vector<std::string> paths;
  for (const auto& listed : pages_.list()) paths.push_back(listed->page_path);
  EXPECT_THAT(paths, ElementsAre("", "status-page"));
}

TEST_F(PageServiceTest, CreateRefusesTakenPathsBadFieldsAndUnknownMonitors) {
  created("services");
  auto again = pages_.create(requested("Services"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(pages_.create(requested("~home")).error().code, ErrorCode::kConflict);

  PageSpec bad = requested("other", R"({"monitor_status_history_days":{"desktop":0}})");
  bad.page_title = " ";
  bad.monitors = {"api", "ghost"};
  auto refused = pages_.create(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
  EXPECT_THAT(refused.error().message, HasSubstr("page_title: must not be empty"));
  EXPECT_THAT(refused.error().message,
              HasSubstr("page_settings.monitor_status_history_days.desktop: must be between"));
  EXPECT_THAT(refused.error().message, HasSubstr("monitors: monitor 'ghost' does not exist"));
  EXPECT_EQ(pages_.find("other"), nullptr);

  EXPECT_THAT(pages_.create(requested("!!!")).error().message, HasSubstr("page_path:"));
  EXPECT_THAT(pages_.create(requested("other", R"({"incidents":"yes"})")).error().message,
              HasSubstr("page_settings.incidents: must be an object"));
}

TEST_F(PageServiceTest, UpdateDeepMergesSettingsAndNullRestoresADefault) {
  created("services", R"({"monitor_layout_style":"compact-list"})");
  PagePatch patch;
  patch.page_settings_json = R"({"incidents":{"resolved":{"max_count":2}}})";
  auto updated = pages_.update("services", patch);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->settings.incidents.resolved_max_count, 2);
  EXPECT_EQ(updated->settings.incidents.resolved_days_in_past, 7);
  EXPECT_TRUE(updated->settings.incidents.enabled);
  EXPECT_EQ(updated->settings.monitor_layout_style, "compact-list");
  EXPECT_THAT(updated->monitors, ElementsAre("web", "api")) << "untouched fields stay";

  patch.page_settings_json = R"({"monitor_layout_style":null})";
  EXPECT_EQ(pages_.update("services", patch)->settings.monitor_layout_style, "default-list");
  EXPECT_EQ(pages_.find("services")->settings.incidents.resolved_max_count, 2);

  patch.page_settings_json = R"({"monitor_layout_style":"mosaic"})";
  EXPECT_THAT(update_error("services", patch).message,
              HasSubstr("page_settings.monitor_layout_style: must be one of"));
  EXPECT_EQ(pages_.find("services")->settings.monitor_layout_style, "default-list");
}

TEST_F(PageServiceTest, UpdateRenamesAndReplacesMonitors) {
  created("services");
  PagePatch patch;
  patch.page_path = "Platform";
  patch.page_title = "Platform";
  patch.monitors = std::vector<std::string>{"db"};
  auto updated = pages_.update("services", patch);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->page_path, "platform");
  EXPECT_EQ(pages_.find("services"), nullptr);
  ASSERT_NE(pages_.find("platform"), nullptr);
  EXPECT_THAT(pages_.find("platform")->monitors, ElementsAre("db"));
  EXPECT_EQ(pages_.find("platform")->page_header, "Our services");

  created("status");
  PagePatch clash;
  clash.page_path = "platform";
  EXPECT_EQ(update_error("status", clash).code, ErrorCode::kConflict);
  EXPECT_EQ(update_error("nowhere", clash).code, ErrorCode::kNotFound);
}

TEST_F(PageServiceTest, TheHomePagePathIsFixed) {
  PagePatch patch;
  patch.page_path = "~home";
  patch.page_header = "All systems";
  auto updated = pages_.update("~home", patch);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->page_path, "");
  EXPECT_EQ(updated->page_header, "All systems");

  patch.page_path = "home";
  Error error = update_error("~home", patch);
  EXPECT_EQ(error.code, ErrorCode::kBadRequest);
  EXPECT_EQ(error.message, "page_path: the home page's path cannot be changed");
}

TEST_F(PageServiceTest, RemoveDeletesPagesButNeverTheHomePage) {
  created("services");
  EXPECT_FALSE(pages_.remove("services").has_value());
  EXPECT_EQ(pages_.find("services"), nullptr);
  EXPECT_EQ(pages_.remove("services")->code, ErrorCode::kNotFound);
  auto home = pages_.remove("~home");
  ASSERT_TRUE(home.has_value());
  EXPECT_EQ(home->code, ErrorCode::kBadRequest);
  EXPECT_NE(pages_.find(""), nullptr);
}

TEST_F(PageServiceTest, ADeletedMonitorLeavesEveryPage) {
  created("services");
  ASSERT_FALSE(monitors_.remove("api").has_value());
  pages_.forget_monitor("api");
  EXPECT_THAT(pages_.find("services")->monitors, ElementsAre("web"));

  PageService restarted(page_store_, monitors_, revision_);
  restarted.load();
  EXPECT_THAT(restarted.find("services")->monitors, ElementsAre("web"));
}

TEST_F(PageServiceTest, ReconcileCreatesAndReplacesDeclaredPages) {
  created("services", R"({"monitor_layout_style":"compact-list"})");
  PageSpec home;
  home.page_title = "Acme";
  home.page_header = "Acme status";
  home.monitors = {"api"};
  PageSpec services = requested("services", R"({"monitor_status_history_days":{"desktop":30}})");
  services.monitors = {"db"};
  PageSpec broken = requested("broken");
  broken.monitors = {"ghost"};

  auto errors = pages_.reconcile({home, services, broken});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "page 'broken': monitors: monitor 'ghost' does not exist");

  EXPECT_EQ(pages_.find("")->page_title, "Acme");
  EXPECT_THAT(pages_.find("")->monitors, ElementsAre("api"));
  const auto& declared = pages_.find("services");
  EXPECT_THAT(declared->monitors, ElementsAre("db"));
  EXPECT_EQ(declared->settings.history_days_desktop, 30);
  EXPECT_EQ(declared->settings.monitor_layout_style, "default-list")
      << "the file's settings replace the stored ones";
  EXPECT_EQ(pages_.list().size(), 2u);
}

}  // namespace
}  // namespace vigil::testing
