#include "storage/sqlite/sqlite_monitor_store.hpp"

#include <string>

#include "storage/sqlite/kener_flags.hpp"

namespace vigil {
namespace {

// Bound as ?1..?16 by bind_monitor and read back in this order by read_monitor.
constexpr std::string_view kColumns =
    "tag, name, description, image, category_name, monitor_type, type_data, cron, "
    "interval_seconds, default_status, status, is_hidden, confirmation_threshold, "
    "include_degraded_in_downtime, monitor_settings_json, external_url";
constexpr int kColumnCount = 16;

// Tables holding rows keyed by monitor_tag, deleted with their monitor.
constexpr std::string_view kMonitorRowTables[] = {
    "check_results", "monitoring_data", "monitoring_data_hourly", "monitoring_data_daily"};

void bind_monitor(SqliteStatement& stmt, const MonitorSpec& spec) {
  stmt.bind_text(1, spec.tag)
      .bind_text(2, spec.name)
      .bind_text(3, spec.description)
      .bind_text(4, spec.image)
      .bind_text(5, spec.category_name)
      .bind_text(6, spec.monitor_type)
      .bind_text(7, spec.type_data)
      .bind_text(8, spec.cron)
      .bind_text(11, active_flag(spec.active))
      .bind_text(12, yes_no_flag(spec.hidden))
      .bind_int(13, spec.confirmation_threshold)
      .bind_text(14, spec.include_degraded_in_downtime)
      .bind_text(15, spec.monitor_settings_json);
  if (spec.interval_seconds) stmt.bind_int(9, *spec.interval_seconds);
  if (spec.default_status) stmt.bind_text(10, to_string(*spec.default_status));
  if (spec.external_url) stmt.bind_text(16, *spec.external_url);
}

// Reads kColumns, then created_at and updated_at.
MonitorSpec read_monitor(const SqliteStatement& stmt) {
  MonitorSpec spec;
  spec.tag = stmt.column_text(0);
  spec.name = stmt.column_text(1);
  spec.description = stmt.column_text(2);
  spec.image = stmt.column_text(3);
  spec.category_name = stmt.column_text(4);
  spec.monitor_type = stmt.column_text(5);
  spec.type_data = stmt.column_text(6);
  spec.cron = stmt.column_text(7);
  if (!stmt.is_null(8)) spec.interval_seconds = static_cast<int>(stmt.column_int(8));
  if (!stmt.is_null(9)) spec.default_status = parse_status(stmt.column_text(9));
  spec.active = is_active_flag(stmt.column_text(10));
  spec.hidden = is_yes_flag(stmt.column_text(11));
  spec.confirmation_threshold = static_cast<int>(stmt.column_int(12));
  spec.include_degraded_in_downtime = stmt.column_text(13);
  spec.monitor_settings_json = stmt.column_text(14);
  if (!stmt.is_null(15)) spec.external_url = stmt.column_text(15);
  spec.created_at = stmt.column_int(kColumnCount);
  spec.updated_at = stmt.column_int(kColumnCount + 1);
  return spec;
}

std::string select_sql(std::string_view where) {
  return "SELECT " + std::string(kColumns) + ", created_at, updated_at FROM monitors " +
         std::string(where);
}

}  // namespace

SqliteMonitorStore::SqliteMonitorStore(SqliteDatabase& database) : database_(database) {}

std::vector<MonitorSpec> SqliteMonitorStore::list() {
  std::vector<MonitorSpec> specs;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(select_sql("ORDER BY tag"));
    while (stmt.step()) specs.push_back(read_monitor(stmt));
  });
  return specs;
}

std::optional<MonitorSpec> SqliteMonitorStore::get(std::string_view tag) {
  std::optional<MonitorSpec> spec;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(select_sql("WHERE tag = ?1"));
    stmt.bind_text(1, tag);
    if (stmt.step()) spec = read_monitor(stmt);
  });
  return spec;
}

Result<MonitorSpec> SqliteMonitorStore::create(const MonitorSpec& spec) {
  MonitorSpec stored = spec;
  stored.created_at = stored.updated_at = to_seconds(database_.clock().now_ms());
  bool inserted = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("INSERT INTO monitors (" + std::string(kColumns) +
                          ", created_at, updated_at) VALUES (" +
                          sqlite_placeholders(kColumnCount + 2) + ") ON CONFLICT (tag) DO NOTHING");
    bind_monitor(stmt, stored);
    stmt.bind_int(kColumnCount + 1, stored.created_at)
        .bind_int(kColumnCount + 2, stored.updated_at)
        .run();
    inserted = c.changes() > 0;
  });
  if (!inserted) return Error{ErrorCode::kConflict, "monitor '" + spec.tag + "' already exists"};
  return stored;
}

Result<MonitorSpec> SqliteMonitorStore::update(const MonitorSpec& spec) {
  MonitorSpec stored = spec;
  stored.updated_at = to_seconds(database_.clock().now_ms());
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt =
        c.prepare("UPDATE monitors SET (" + std::string(kColumns) + ", updated_at) = (" +
                  sqlite_placeholders(kColumnCount + 1) + ") WHERE tag = ?1 RETURNING created_at");
    bind_monitor(stmt, stored);
    stmt.bind_int(kColumnCount + 1, stored.updated_at);
    found = stmt.step();
    if (found) stored.created_at = stmt.column_int(0);
  });
  if (!found) return Error{ErrorCode::kNotFound, "monitor '" + spec.tag + "' not found"};
  return stored;
}

bool SqliteMonitorStore::remove(std::string_view tag) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM monitors WHERE tag = ?1");
    stmt.bind_text(1, tag).run();
    found = c.changes() > 0;
    // Orphan rows (results that raced a delete) go too, even when the monitor row is gone.
    for (std::string_view table : kMonitorRowTables) {
      auto rows = c.prepare("DELETE FROM " + std::string(table) + " WHERE monitor_tag = ?1");
      rows.bind_text(1, tag).run();
    }
  });
  return found;
}

}  // namespace vigil
