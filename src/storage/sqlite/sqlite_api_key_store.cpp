#include "storage/sqlite/sqlite_api_key_store.hpp"

#include <string>

#include "storage/sqlite/kener_flags.hpp"

namespace vigil {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, name, hashed_key, masked_key, status, created_at FROM api_keys ";

ApiKeyRecord read_key(const SqliteStatement& stmt) {
  ApiKeyRecord record;
  record.id = stmt.column_int(0);
  record.name = stmt.column_text(1);
  record.hashed_key = stmt.column_text(2);
  record.masked_key = stmt.column_text(3);
  record.active = is_active_flag(stmt.column_text(4));
  record.created_at = stmt.column_int(5);
  return record;
}

}  // namespace

SqliteApiKeyStore::SqliteApiKeyStore(SqliteDatabase& database) : database_(database) {}

ApiKeyRecord SqliteApiKeyStore::create(const ApiKeyRecord& record) {
  ApiKeyRecord stored = record;
  stored.created_at = to_seconds(database_.clock().now_ms());
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO api_keys (name, hashed_key, masked_key, status, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    stmt.bind_text(1, stored.name)
        .bind_text(2, stored.hashed_key)
        .bind_text(3, stored.masked_key)
        .bind_text(4, active_flag(stored.active))
        .bind_int(5, stored.created_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
  });
  return stored;
}

std::optional<ApiKeyRecord> SqliteApiKeyStore::find_by_hash(std::string_view hashed_key) {
  std::optional<ApiKeyRecord> record;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelect) + "WHERE hashed_key = ?1");
    stmt.bind_text(1, hashed_key);
    if (stmt.step()) record = read_key(stmt);
  });
  return record;
}

std::vector<ApiKeyRecord> SqliteApiKeyStore::list() {
  std::vector<ApiKeyRecord> records;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelect) + "ORDER BY id");
    while (stmt.step()) records.push_back(read_key(stmt));
  });
  return records;
}

}  // namespace vigil
