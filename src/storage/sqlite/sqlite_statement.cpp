#include "storage/sqlite/sqlite_statement.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace vigil {

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    fail();
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::bind_int(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail();
  return *this;
}

SqliteStatement& SqliteStatement::bind_double(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail();
  return *this;
}

SqliteStatement& SqliteStatement::bind_text(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    fail();
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail();
  return *this;
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail();
}

void SqliteStatement::run() {
  if (step())
    throw std::runtime_error("sqlite: statement returned rows: " + std::string(sqlite3_sql(stmt_)));
}

void SqliteStatement::reset() {
  // The error of a failed step was already thrown by step(); reset() only repeats it.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::int64_t SqliteStatement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double SqliteStatement::column_double(int index) const {
  return sqlite3_column_double(stmt_, index);
}

std::string SqliteStatement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::string sqlite_placeholders(int count) {
  std::string list;
  for (int i = 1; i <= count; ++i) {
    if (i > 1) list += ", ";
    list += "?" + std::to_string(i);
  }
  return list;
}

void SqliteStatement::fail() const {
  throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

}  // namespace vigil
