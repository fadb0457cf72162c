#include "storage/sqlite/sqlite_trigger_store.hpp"

#include "storage/sqlite/kener_flags.hpp"

namespace vigil {
namespace {

Trigger read_trigger(const SqliteStatement& stmt) {
  Trigger trigger;
  trigger.id = stmt.column_int(0);
  trigger.name = stmt.column_text(1);
  trigger.trigger_type = stmt.column_text(2);
  trigger.trigger_desc = stmt.column_text(3);
  trigger.active = is_active_flag(stmt.column_text(4));
  trigger.trigger_meta = stmt.column_text(5);
  trigger.created_at = stmt.column_int(6);
  trigger.updated_at = stmt.column_int(7);
  return trigger;
}

// Binds name, type, description, status and meta to ?1..?5.
void bind_fields(SqliteStatement& stmt, const Trigger& trigger) {
  stmt.bind_text(1, trigger.name)
      .bind_text(2, trigger.trigger_type)
      .bind_text(3, trigger.trigger_desc)
      .bind_text(4, active_flag(trigger.active))
      .bind_text(5, trigger.trigger_meta);
}

}  // namespace

std::vector<Trigger> SqliteTriggerStore::list() {
  std::vector<Trigger> triggers;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "SELECT id, name, trigger_type, trigger_desc, trigger_status, trigger_meta, created_at, "
        "updated_at FROM triggers ORDER BY id");
    while (stmt.step()) triggers.push_back(read_trigger(stmt));
  });
  return triggers;
}

Trigger SqliteTriggerStore::create(const Trigger& trigger) {
  Trigger stored = trigger;
  stored.created_at = stored.updated_at = to_seconds(database_.clock().now_ms());
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO triggers (name, trigger_type, trigger_desc, trigger_status, trigger_meta, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
    bind_fields(stmt, stored);
    stmt.bind_int(6, stored.created_at).bind_int(7, stored.updated_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
  });
  return stored;
}

std::optional<Trigger> SqliteTriggerStore::update(const Trigger& trigger) {
  Trigger stored = trigger;
  stored.updated_at = to_seconds(database_.clock().now_ms());
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE triggers SET name = ?1, trigger_type = ?2, trigger_desc = ?3, "
        "trigger_status = ?4, trigger_meta = ?5, updated_at = ?6 WHERE id = ?7 "
        "RETURNING created_at");
    bind_fields(stmt, stored);
    stmt.bind_int(6, stored.updated_at).bind_int(7, stored.id);
    found = stmt.step();
    if (found) stored.created_at = stmt.column_int(0);
  });
  if (!found) return std::nullopt;
  return stored;
}

bool SqliteTriggerStore::remove(std::int64_t id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM triggers WHERE id = ?1");
    stmt.bind_int(1, id).run();
    found = c.changes() > 0;
  });
  return found;
}

std::vector<std::int64_t> SqliteTriggerStore::rules_using(std::int64_t id) {
  std::vector<std::int64_t> rules;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "SELECT DISTINCT alert_config_id FROM monitor_alerts_config_triggers "
        "WHERE trigger_id = ?1 ORDER BY alert_config_id");
    stmt.bind_int(1, id);
    while (stmt.step()) rules.push_back(stmt.column_int(0));
  });
  return rules;
}

}  // namespace vigil
