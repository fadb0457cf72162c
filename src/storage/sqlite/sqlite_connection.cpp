#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace vigil {
namespace {

// Long enough for a checkpoint or a big prune chunk; readers in WAL mode never wait on it.
constexpr int kBusyTimeoutMs = 10'000;

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool read_only) {
  // NOMUTEX: each connection is used by one thread at a time (SqliteDatabase hands them out).
  int flags = SQLITE_OPEN_NOMUTEX |
              (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("sqlite: cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

SqliteConnection::~SqliteConnection() {
  sqlite3_close(db_);
}

void SqliteConnection::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw std::runtime_error("sqlite: " + message);
  }
}

SqliteStatement SqliteConnection::prepare(std::string_view sql) {
  return SqliteStatement(db_, sql);
}

std::int64_t SqliteConnection::changes() const {
  return sqlite3_changes64(db_);
}

}  // namespace vigil
