#include "storage/sqlite/sqlite_batched_delete.hpp"

#include <string>

namespace vigil {

std::int64_t delete_in_batches(SqliteDatabase& database, std::string_view table,
                               std::string_view condition, std::int64_t value, std::int64_t batch) {
  const std::string sql = "DELETE FROM " + std::string(table) + " WHERE id IN (SELECT id FROM " +
                          std::string(table) + " WHERE " + std::string(condition) + " LIMIT ?2)";
  std::int64_t deleted = 0;
  std::int64_t last = batch;
  while (last == batch) {
    database.write([&](SqliteConnection& c) {
      c.prepare(sql).bind_int(1, value).bind_int(2, batch).run();
      last = c.changes();
    });
    deleted += last;
  }
  return deleted;
}

}  // namespace vigil
