#include "storage/sqlite/sqlite_site_store.hpp"

namespace vigil {

SqliteSiteStore::SqliteSiteStore(SqliteDatabase& database) : database_(database) {}

std::vector<SiteDataEntry> SqliteSiteStore::list() {
  std::vector<SiteDataEntry> entries;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT key, value, data_type FROM site_data ORDER BY key");
    while (stmt.step()) {
      SiteDataEntry entry;
      entry.key = stmt.column_text(0);
      entry.value_json = stmt.column_text(1);
      entry.data_type = stmt.column_text(2) == to_string(SiteDataType::kObject)
                            ? SiteDataType::kObject
                            : SiteDataType::kString;
      entries.push_back(std::move(entry));
    }
  });
  return entries;
}

void SqliteSiteStore::put(const SiteDataEntry& entry) {
  database_.write([&](SqliteConnection& c) {
    c.prepare(
         "INSERT INTO site_data (key, value, data_type) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (key) DO UPDATE SET value = excluded.value, data_type = excluded.data_type")
        .bind_text(1, entry.key)
        .bind_text(2, entry.value_json)
        .bind_text(3, to_string(entry.data_type))
        .run();
  });
}

}  // namespace vigil
