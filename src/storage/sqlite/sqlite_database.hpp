#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace vigil {

//! An SQLite database file in WAL mode: one write connection behind a mutex and a pool of
//! read connections, so readers on other threads never wait for the writer. Opening it runs
//! the embedded migrations that the file has not seen yet.
class SqliteDatabase {
 public:
  //! Read connections in the pool unless told otherwise.
  static constexpr std::size_t kDefaultReaders = 4;

  //! Opens or creates `path` (and its parent directories); timestamps come from the system clock.
  explicit SqliteDatabase(const std::string& path, std::size_t readers = kDefaultReaders);
  //! Same, with timestamps (created_at, applied_at, ...) taken from `clock`.
  SqliteDatabase(const std::string& path, const Clock& clock,
                 std::size_t readers = kDefaultReaders);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  //! Runs `work` on the write connection in one transaction; if it throws, rolls back and rethrows.
  void write(const std::function<void(SqliteConnection&)>& work);
  //! Runs `work` on a free read connection in one read transaction (one consistent snapshot).
  void read(const std::function<void(SqliteConnection&)>& work);
  //! Highest migration applied to the file.
  int schema_version();
  //! The clock stores use for timestamps.
  const Clock& clock() const { return clock_; }

 private:
  void migrate();
  std::unique_ptr<SqliteConnection> acquire_reader();
  void release_reader(std::unique_ptr<SqliteConnection> reader);

  SystemClock system_clock_;
  const Clock& clock_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex readers_mutex_;
  std::condition_variable reader_released_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace vigil
