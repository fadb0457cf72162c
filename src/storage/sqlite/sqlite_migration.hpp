#pragma once

#include <span>
#include <string_view>

namespace vigil {

//! One numbered schema migration (migrations/sqlite/NNN_name.sql), embedded at build time.
struct SqliteMigration {
  int version = 0;        //!< NNN, 1-based and contiguous
  std::string_view name;  //!< file name without .sql
  std::string_view sql;   //!< the statements
};

//! Every embedded migration in version order (generated from migrations/sqlite/ by CMake).
std::span<const SqliteMigration> sqlite_migrations();

}  // namespace vigil
