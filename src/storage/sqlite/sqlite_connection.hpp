#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/sqlite/sqlite_statement.hpp"

namespace vigil {

//! One open SQLite connection (RAII), used by one thread at a time.
class SqliteConnection {
 public:
  //! Opens `path`: read-write (creating the file) or read-only. Throws std::runtime_error.
  SqliteConnection(const std::string& path, bool read_only);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  //! Runs one or more statements that need no parameters; throws on error.
  void exec(const std::string& sql);
  //! Prepares one statement.
  SqliteStatement prepare(std::string_view sql);
  //! Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  std::int64_t changes() const;

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace vigil
