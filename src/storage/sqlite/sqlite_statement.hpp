#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil {

//! A prepared SQLite statement (RAII); errors throw std::runtime_error with SQLite's message.
class SqliteStatement {
 public:
  //! Prepares `sql` (one statement) on `db`.
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  //! Binds an integer to parameter `index` (1-based).
  SqliteStatement& bind_int(int index, std::int64_t value);
  //! Binds a floating-point number to parameter `index`.
  SqliteStatement& bind_double(int index, double value);
  //! Binds text (copied) to parameter `index`.
  SqliteStatement& bind_text(int index, std::string_view value);
  //! Binds NULL to parameter `index`.
  SqliteStatement& bind_null(int index);

  //! Advances; true when a row is available, false when the statement is done.
  bool step();
  //! Steps a statement that returns no rows to completion.
  void run();
  //! Makes the statement ready to run again and clears its bindings.
  void reset();

  //! True when column `index` (0-based) of the current row is NULL.
  bool is_null(int index) const;
  //! Integer value of column `index`.
  std::int64_t column_int(int index) const;
  //! Floating-point value of column `index`.
  double column_double(int index) const;
  //! Text value of column `index` ("" for NULL).
  std::string column_text(int index) const;

 private:
  [[noreturn]] void fail() const;

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

//! "?1, ?2, ..., ?count": the parameter list of an INSERT ... VALUES of `count` columns.
std::string sqlite_placeholders(int count);

}  // namespace vigil
