#include "storage/sqlite/sqlite_maintenance_store.hpp"

#include <map>
#include <string>

#include "storage/sqlite/kener_flags.hpp"
#include "storage/sqlite/sqlite_where.hpp"

namespace vigil {
namespace {

// Read back by read_maintenance from column `first` on, in this order.
constexpr std::string_view kMaintenanceColumns =
    "m.id, m.title, m.description, m.start_date_time, m.rrule, m.duration_seconds, m.timezone, "
    "m.status, m.is_global, m.created_at, m.updated_at";
// bind_maintenance binds ?1..?9: every column but id and created_at, updated_at last.
constexpr int kBoundColumns = 9;
constexpr std::string_view kEventColumns =
    "e.id, e.maintenance_id, e.start_date_time, e.end_date_time, e.status, e.created_at, "
    "e.updated_at";
constexpr int kEventColumnCount = 7;
constexpr std::string_view kUnfinished = "('SCHEDULED', 'READY', 'ONGOING')";

Maintenance read_maintenance(const SqliteStatement& stmt, int first) {
  Maintenance m;
  m.id = stmt.column_int(first);
  m.title = stmt.column_text(first + 1);
  m.description = stmt.column_text(first + 2);
  m.start_date_time = stmt.column_int(first + 3);
  m.rrule = stmt.column_text(first + 4);
  m.duration_seconds = stmt.column_int(first + 5);
  m.timezone = stmt.column_text(first + 6);
  m.active = is_active_flag(stmt.column_text(first + 7));
  m.global = is_yes_flag(stmt.column_text(first + 8));
  m.created_at = stmt.column_int(first + 9);
  m.updated_at = stmt.column_int(first + 10);
  return m;
}

MaintenanceEvent read_event(const SqliteStatement& stmt) {
  MaintenanceEvent e;
  e.id = stmt.column_int(0);
  e.maintenance_id = stmt.column_int(1);
  e.start_date_time = stmt.column_int(2);
  e.end_date_time = stmt.column_int(3);
  e.status = parse_maintenance_event_status(stmt.column_text(4))
                 .value_or(MaintenanceEventStatus::kScheduled);
  e.created_at = stmt.column_int(5);
  e.updated_at = stmt.column_int(6);
  return e;
}

//! Reads the monitors of one maintenance with a statement prepared by monitors_statement().
std::vector<MonitorImpact> read_monitors(SqliteStatement& stmt, std::int64_t maintenance_id) {
  std::vector<MonitorImpact> monitors;
  stmt.bind_int(1, maintenance_id);
  while (stmt.step()) {
    monitors.push_back(
        {stmt.column_text(0), parse_status(stmt.column_text(1)).value_or(Status::kMaintenance)});
  }
  stmt.reset();
  return monitors;
}

SqliteStatement monitors_statement(SqliteConnection& c) {
  return c.prepare(
      "SELECT monitor_tag, monitor_impact FROM maintenance_monitors WHERE maintenance_id = ?1 "
      "ORDER BY monitor_tag");
}

void bind_maintenance(SqliteStatement& stmt, const Maintenance& m) {
  stmt.bind_text(1, m.title)
      .bind_text(2, m.description)
      .bind_int(3, m.start_date_time)
      .bind_text(4, m.rrule)
      .bind_int(5, m.duration_seconds)
      .bind_text(6, m.timezone)
      .bind_text(7, active_flag(m.active))
      .bind_text(8, yes_no_flag(m.global))
      .bind_int(9, m.updated_at);
}

void insert_monitors(SqliteConnection& c, const Maintenance& m) {
  auto stmt = c.prepare(
      "INSERT INTO maintenance_monitors (maintenance_id, monitor_tag, monitor_impact) "
      "VALUES (?1, ?2, ?3)");
  for (const auto& monitor : m.monitors) {
    stmt.bind_int(1, m.id)
        .bind_text(2, monitor.monitor_tag)
        .bind_text(3, to_string(monitor.impact));
    stmt.run();
    stmt.reset();
  }
}

//! Inserts the occurrences not planned yet; returns how many were added.
std::int64_t insert_occurrences(SqliteConnection& c, std::int64_t maintenance_id,
                                const std::vector<Occurrence>& occurrences, Seconds now) {
  auto stmt = c.prepare(
      "INSERT INTO maintenance_events (maintenance_id, occurrence_start, start_date_time, "
      "end_date_time, status, created_at, updated_at) "
      "SELECT ?1, ?2, ?2, ?3, 'SCHEDULED', ?4, ?4 "
      "WHERE EXISTS (SELECT 1 FROM maintenances WHERE id = ?1) AND NOT EXISTS ("
      "SELECT 1 FROM maintenance_events WHERE maintenance_id = ?1 "
      "AND (occurrence_start = ?2 OR start_date_time = ?2))");
  std::int64_t added = 0;
  for (const auto& occurrence : occurrences) {
    stmt.bind_int(1, maintenance_id)
        .bind_int(2, occurrence.start)
        .bind_int(3, occurrence.end)
        .bind_int(4, now);
    stmt.run();
    added += c.changes();
    stmt.reset();
  }
  return added;
}

void apply_reschedule(SqliteConnection& c, std::int64_t maintenance_id,
                      const Reschedule& reschedule, Seconds now) {
  auto drop = c.prepare(
      "DELETE FROM maintenance_events WHERE maintenance_id = ?1 "
      "AND status IN ('SCHEDULED', 'READY') AND start_date_time > ?2");
  drop.bind_int(1, maintenance_id).bind_int(2, reschedule.now).run();
  auto stretch = c.prepare(
      "UPDATE maintenance_events SET end_date_time = ?1, updated_at = ?2 "
      "WHERE maintenance_id = ?3 AND start_date_time = ?4 AND status IN " +
      std::string(kUnfinished));
  for (const auto& occurrence : reschedule.occurrences) {
    stretch.bind_int(1, occurrence.end)
        .bind_int(2, now)
        .bind_int(3, maintenance_id)
        .bind_int(4, occurrence.start);
    stretch.run();
    stretch.reset();
  }
  insert_occurrences(c, maintenance_id, reschedule.occurrences, now);
}

SqliteWhere event_conditions(const MaintenanceEventQuery& query) {
  SqliteWhere where;
  if (query.maintenance_id) where.add("e.maintenance_id = ?", {*query.maintenance_id});
  if (!query.statuses.empty()) {
    std::vector<SqliteWhere::Value> names;
    for (auto status : query.statuses) names.emplace_back(std::string(to_string(status)));
    std::string condition = "e.status IN " + SqliteWhere::list(names.size());
    where.add(std::move(condition), std::move(names));
  }
  if (query.start_from) where.add("e.start_date_time >= ?", {*query.start_from});
  if (query.overlap_from && query.overlap_to) {
    where.add("e.start_date_time < ? AND e.end_date_time > ?",
              {*query.overlap_to, *query.overlap_from});
  }
  if (query.monitor_tags) {
    where.add_linked("e.maintenance_id", "maintenance_monitors", "maintenance_id",
                     *query.monitor_tags, query.include_global ? "m.is_global" : "");
  }
  if (query.active_only) where.add("m.status = 'ACTIVE'");
  return where;
}

}  // namespace

SqliteMaintenanceStore::SqliteMaintenanceStore(SqliteDatabase& database) : database_(database) {}

Seconds SqliteMaintenanceStore::now() const {
  return to_seconds(database_.clock().now_ms());
}

std::vector<Maintenance> SqliteMaintenanceStore::list(const MaintenanceFilter& filter) {
  SqliteWhere where;
  if (filter.active) where.add("m.status = ?", {std::string(active_flag(*filter.active))});
  if (filter.monitor_tag) {
    where.add_linked("m.id", "maintenance_monitors", "maintenance_id", {*filter.monitor_tag});
  }
  std::vector<Maintenance> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT " + std::string(kMaintenanceColumns) + " FROM maintenances m" +
                          where.sql() + " ORDER BY m.id DESC");
    where.bind(stmt);
    while (stmt.step()) found.push_back(read_maintenance(stmt, 0));
    auto monitors = monitors_statement(c);
    for (auto& m : found) m.monitors = read_monitors(monitors, m.id);
  });
  return found;
}

std::optional<Maintenance> SqliteMaintenanceStore::get(std::int64_t id) {
  std::optional<Maintenance> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT " + std::string(kMaintenanceColumns) +
                          " FROM maintenances m WHERE m.id = ?1");
    stmt.bind_int(1, id);
    if (!stmt.step()) return;
    found = read_maintenance(stmt, 0);
    auto monitors = monitors_statement(c);
    found->monitors = read_monitors(monitors, id);
  });
  return found;
}

Maintenance SqliteMaintenanceStore::create(const Maintenance& maintenance,
                                           const std::vector<Occurrence>& occurrences) {
  Maintenance stored = maintenance;
  stored.created_at = stored.updated_at = now();
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO maintenances (title, description, start_date_time, rrule, duration_seconds, "
        "timezone, status, is_global, updated_at, created_at) VALUES (" +
        sqlite_placeholders(kBoundColumns + 1) + ") RETURNING id");
    bind_maintenance(stmt, stored);
    stmt.bind_int(kBoundColumns + 1, stored.created_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
    insert_monitors(c, stored);
    insert_occurrences(c, stored.id, occurrences, stored.created_at);
  });
  return stored;
}

std::optional<Maintenance> SqliteMaintenanceStore::update(
    const Maintenance& maintenance, const std::optional<Reschedule>& reschedule) {
  Maintenance stored = maintenance;
  stored.updated_at = now();
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE maintenances SET (title, description, start_date_time, rrule, duration_seconds, "
        "timezone, status, is_global, updated_at) = (" +
        sqlite_placeholders(kBoundColumns) + ") WHERE id = ?" + std::to_string(kBoundColumns + 1) +
        " RETURNING created_at");
    bind_maintenance(stmt, stored);
    stmt.bind_int(kBoundColumns + 1, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.created_at = stmt.column_int(0);
    auto clear = c.prepare("DELETE FROM maintenance_monitors WHERE maintenance_id = ?1");
    clear.bind_int(1, stored.id).run();
    insert_monitors(c, stored);
    if (reschedule) apply_reschedule(c, stored.id, *reschedule, stored.updated_at);
  });
  if (!found) return std::nullopt;
  return stored;
}

bool SqliteMaintenanceStore::remove(std::int64_t id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM maintenances WHERE id = ?1");
    stmt.bind_int(1, id).run();
    found = c.changes() > 0;
  });
  return found;
}

std::int64_t SqliteMaintenanceStore::add_occurrences(std::int64_t maintenance_id,
                                                     const std::vector<Occurrence>& occurrences) {
  std::int64_t added = 0;
  database_.write([&](SqliteConnection& c) {
    added = insert_occurrences(c, maintenance_id, occurrences, now());
  });
  return added;
}

MaintenanceEventPage SqliteMaintenanceStore::events(const MaintenanceEventQuery& query) {
  SqliteWhere where = event_conditions(query);
  const std::string from =
      " FROM maintenance_events e JOIN maintenances m ON m.id = e.maintenance_id" + where.sql();
  MaintenanceEventPage page;
  database_.read([&](SqliteConnection& c) {
    auto count = c.prepare("SELECT count(*)" + from);
    where.bind(count);
    if (count.step()) page.total = count.column_int(0);
    auto stmt =
        c.prepare("SELECT " + std::string(kEventColumns) + ", " + std::string(kMaintenanceColumns) +
                  from + " ORDER BY e.start_date_time, e.id LIMIT ? OFFSET ?");
    int next = where.bind(stmt);
    stmt.bind_int(next, query.limit).bind_int(next + 1, query.offset);
    auto monitors = monitors_statement(c);
    std::map<std::int64_t, std::vector<MonitorImpact>> monitors_of;
    while (stmt.step()) {
      MaintenanceEventDetail detail{read_event(stmt), read_maintenance(stmt, kEventColumnCount)};
      auto it = monitors_of.find(detail.maintenance.id);
      if (it == monitors_of.end()) {
        it = monitors_of
                 .emplace(detail.maintenance.id, read_monitors(monitors, detail.maintenance.id))
                 .first;
      }
      detail.maintenance.monitors = it->second;
      page.events.push_back(std::move(detail));
    }
  });
  return page;
}

std::optional<MaintenanceEvent> SqliteMaintenanceStore::event(std::int64_t event_id) {
  std::optional<MaintenanceEvent> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT " + std::string(kEventColumns) +
                          " FROM maintenance_events e WHERE e.id = ?1");
    stmt.bind_int(1, event_id);
    if (stmt.step()) found = read_event(stmt);
  });
  return found;
}

Result<MaintenanceEvent> SqliteMaintenanceStore::update_event(const MaintenanceEvent& event) {
  MaintenanceEvent stored = event;
  stored.updated_at = now();
  bool found = false;
  bool clash = false;
  database_.write([&](SqliteConnection& c) {
    auto other = c.prepare(
        "SELECT 1 FROM maintenance_events WHERE id != ?1 AND start_date_time = ?2 AND "
        "maintenance_id = (SELECT maintenance_id FROM maintenance_events WHERE id = ?1)");
    other.bind_int(1, stored.id).bind_int(2, stored.start_date_time);
    clash = other.step();
    if (clash) return;
    auto stmt = c.prepare(
        "UPDATE maintenance_events SET start_date_time = ?1, end_date_time = ?2, status = ?3, "
        "updated_at = ?4 WHERE id = ?5 RETURNING maintenance_id, created_at");
    stmt.bind_int(1, stored.start_date_time)
        .bind_int(2, stored.end_date_time)
        .bind_text(3, to_string(stored.status))
        .bind_int(4, stored.updated_at)
        .bind_int(5, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.maintenance_id = stmt.column_int(0);
    stored.created_at = stmt.column_int(1);
  });
  if (clash) {
    return Error{ErrorCode::kConflict, "another event of this maintenance starts at " +
                                           std::to_string(stored.start_date_time)};
  }
  if (!found) {
    return Error{ErrorCode::kNotFound, "event " + std::to_string(stored.id) + " not found"};
  }
  return stored;
}

std::int64_t SqliteMaintenanceStore::set_event_statuses(
    const std::vector<EventStatusChange>& changes) {
  if (changes.empty()) return 0;
  std::int64_t applied = 0;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE maintenance_events SET status = ?1, updated_at = ?2 WHERE id = ?3 AND status = ?4 "
        "AND start_date_time = ?5 AND end_date_time = ?6");
    const Seconds at = now();
    for (const auto& change : changes) {
      stmt.bind_text(1, to_string(change.status))
          .bind_int(2, at)
          .bind_int(3, change.seen.id)
          .bind_text(4, to_string(change.seen.status))
          .bind_int(5, change.seen.start_date_time)
          .bind_int(6, change.seen.end_date_time);
      stmt.run();
      applied += c.changes();
      stmt.reset();
    }
  });
  return applied;
}

bool SqliteMaintenanceStore::remove_event(std::int64_t event_id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM maintenance_events WHERE id = ?1");
    stmt.bind_int(1, event_id).run();
    found = c.changes() > 0;
  });
  return found;
}

}  // namespace vigil
