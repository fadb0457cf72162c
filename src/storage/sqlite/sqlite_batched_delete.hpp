#pragma once

#include <cstdint>
#include <string_view>

#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! Deletes the rows of `table` (which has an integer `id` key) matching `condition`, an SQL
//! expression with ?1 bound to `value`, in write transactions of at most `batch` rows each so
//! other writers are never held up for long; returns how many rows were deleted.
std::int64_t delete_in_batches(SqliteDatabase& database, std::string_view table,
                               std::string_view condition, std::int64_t value,
                               std::int64_t batch = 1000);

}  // namespace vigil
