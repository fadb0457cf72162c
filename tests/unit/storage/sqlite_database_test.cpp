#include "storage/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_migration.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FakeClock;
using testing::TempDir;

std::string query_text(SqliteDatabase& db, const std::string& sql) {
  std::string text;
  db.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(sql);
    if (stmt.step()) text = stmt.column_text(0);
  });
  return text;
}

TEST(SqliteDatabaseTest, CreatesTheFileAndItsDirectoriesAtTheLatestSchemaInWalMode) {
  TempDir dir;
  std::string path = dir.file("data/nested/vigil.db");
  SqliteDatabase db(path);
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(db.schema_version(), sqlite_migrations().back().version);
  EXPECT_EQ(query_text(db, "PRAGMA journal_mode"), "wal");
}

TEST(SqliteDatabaseTest, ReopeningKeepsDataAndDoesNotRunMigrationsAgain) {
  TempDir dir;
  FakeClock clock(1'700'000'000'000);
  {
    SqliteDatabase db(dir.file("vigil.db"), clock);
    SqliteMonitorStore monitors(db);
    MonitorSpec spec;
    spec.tag = "web";
    spec.name = "Web";
    ASSERT_TRUE(monitors.create(spec).ok());
  }
  clock.advance(3'600'000);
  SqliteDatabase db(dir.file("vigil.db"), clock);
  SqliteMonitorStore monitors(db);
  ASSERT_TRUE(monitors.get("web").has_value());
  EXPECT_EQ(monitors.get("web")->name, "Web");
  EXPECT_EQ(query_text(db, "SELECT count(*) FROM schema_migrations"),
            std::to_string(sqlite_migrations().size()));
  // Applied at the first open, not again at the second.
  EXPECT_EQ(query_text(db, "SELECT max(applied_at) FROM schema_migrations"), "1700000000");
}

TEST(SqliteDatabaseTest, RefusesAFileMigratedByANewerBinary) {
  TempDir dir;
  {
    SqliteDatabase db(dir.file("vigil.db"));
    db.write([](SqliteConnection& c) {
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
    });
  }
  try {
    SqliteDatabase db(dir.file("vigil.db"));
    FAIL() << "opened a database from the future";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST(SqliteDatabaseTest, AWriteThatThrowsLeavesNothingBehind) {
  TempDir dir;
  SqliteDatabase db(dir.file("vigil.db"));
  EXPECT_THROW(db.write([](SqliteConnection& c) {
    c.exec(
        "INSERT INTO api_keys (name, hashed_key, masked_key, created_at) VALUES "
        "('a', 'h', 'm', 0)");
    throw std::runtime_error("caller gave up");
  }),
               std::runtime_error);
  EXPECT_EQ(query_text(db, "SELECT count(*) FROM api_keys"), "0");
}

}  // namespace
}  // namespace vigil
