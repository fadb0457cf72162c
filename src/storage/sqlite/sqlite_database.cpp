#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "storage/sqlite/sqlite_migration.hpp"

namespace vigil {
namespace {

// Runs `work` between `begin` and COMMIT; rolls back and rethrows when anything fails.
void run_in_transaction(SqliteConnection& connection, const std::string& begin,
                        const std::function<void(SqliteConnection&)>& work) {
  connection.exec(begin);
  try {
    work(connection);
    connection.exec("COMMIT");
  } catch (...) {
    try {
      connection.exec("ROLLBACK");
    } catch (const std::runtime_error&) {
      // SQLite already rolled back (e.g. after an I/O error); the original error is the news.
    }
    throw;
  }
}

void create_parent_directories(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, std::size_t readers)
    : SqliteDatabase(path, system_clock_, readers) {}

SqliteDatabase::SqliteDatabase(const std::string& path, const Clock& clock, std::size_t readers)
    : clock_(clock) {
  if (sqlite3_threadsafe() == 0) throw std::runtime_error("sqlite: library built without threads");
  if (readers == 0) throw std::invalid_argument("sqlite: at least one read connection is needed");
  create_parent_directories(path);
  writer_ = std::make_unique<SqliteConnection>(path, false);
  // NORMAL is durable across application crashes in WAL mode; only a power loss can undo the
  // last commits, never corrupt the file.
  writer_->exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  migrate();
  // Readers open after the migrations so they see the schema.
  for (std::size_t i = 0; i < readers; ++i) {
    idle_readers_.push_back(std::make_unique<SqliteConnection>(path, true));
  }
}

SqliteDatabase::~SqliteDatabase() = default;

void SqliteDatabase::write(const std::function<void(SqliteConnection&)>& work) {
  std::lock_guard lock(write_mutex_);
  // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on BUSY.
  run_in_transaction(*writer_, "BEGIN IMMEDIATE", work);
}

void SqliteDatabase::read(const std::function<void(SqliteConnection&)>& work) {
  auto reader = acquire_reader();
  try {
    run_in_transaction(*reader, "BEGIN", work);
  } catch (...) {
    release_reader(std::move(reader));
    throw;
  }
  release_reader(std::move(reader));
}

int SqliteDatabase::schema_version() {
  int version = 0;
  read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (stmt.step()) version = static_cast<int>(stmt.column_int(0));
  });
  return version;
}

void SqliteDatabase::migrate() {
  auto migrations = sqlite_migrations();
  int latest = migrations.empty() ? 0 : migrations.back().version;
  int applied = 0;
  write([&](SqliteConnection& c) {
    c.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    auto stmt = c.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (stmt.step()) applied = static_cast<int>(stmt.column_int(0));
  });
  if (applied > latest) {
    throw std::runtime_error("sqlite: database schema version " + std::to_string(applied) +
                             " is newer than this binary supports (" + std::to_string(latest) +
                             "); run a newer vigil");
  }
  for (const SqliteMigration& migration : migrations) {
    if (migration.version <= applied) continue;
    // One transaction per migration: a failed one leaves the file at the previous version.
    write([&](SqliteConnection& c) {
      c.exec(std::string(migration.sql));
      c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
          .bind_int(1, migration.version)
          .bind_text(2, migration.name)
          .bind_int(3, to_seconds(clock_.now_ms()))
          .run();
    });
  }
}

std::unique_ptr<SqliteConnection> SqliteDatabase::acquire_reader() {
  std::unique_lock lock(readers_mutex_);
  reader_released_.wait(lock, [this] { return !idle_readers_.empty(); });
  auto reader = std::move(idle_readers_.back());
  idle_readers_.pop_back();
  return reader;
}

void SqliteDatabase::release_reader(std::unique_ptr<SqliteConnection> reader) {
  {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(reader));
  }
  reader_released_.notify_one();
}

}  // namespace vigil
