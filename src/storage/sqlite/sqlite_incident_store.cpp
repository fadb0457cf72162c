#include "storage/sqlite/sqlite_incident_store.hpp"

#include <string>

#include "storage/sqlite/kener_flags.hpp"
#include "storage/sqlite/sqlite_where.hpp"

namespace vigil {
namespace {

constexpr std::string_view kSelectIncident =
    "SELECT id, title, start_date_time, end_date_time, state, incident_source, is_global, "
    "created_at, updated_at FROM incidents";
constexpr std::string_view kSelectComment =
    "SELECT id, incident_id, comment, state, commented_at, created_at, updated_at "
    "FROM incident_comments";

Incident read_incident(const SqliteStatement& stmt) {
  Incident incident;
  incident.id = stmt.column_int(0);
  incident.title = stmt.column_text(1);
  incident.start_date_time = stmt.column_int(2);
  if (!stmt.is_null(3)) incident.end_date_time = stmt.column_int(3);
  incident.state =
      parse_incident_state(stmt.column_text(4)).value_or(IncidentState::kInvestigating);
  incident.source = parse_incident_source(stmt.column_text(5)).value_or(IncidentSource::kApi);
  incident.global = is_yes_flag(stmt.column_text(6));
  incident.created_at = stmt.column_int(7);
  incident.updated_at = stmt.column_int(8);
  return incident;
}

IncidentComment read_comment(const SqliteStatement& stmt) {
  IncidentComment comment;
  comment.id = stmt.column_int(0);
  comment.incident_id = stmt.column_int(1);
  comment.comment = stmt.column_text(2);
  comment.state = parse_incident_state(stmt.column_text(3)).value_or(IncidentState::kInvestigating);
  comment.commented_at = stmt.column_int(4);
  comment.created_at = stmt.column_int(5);
  comment.updated_at = stmt.column_int(6);
  return comment;
}

void bind_optional(SqliteStatement& stmt, int index, const std::optional<Seconds>& value) {
  if (value) {
    stmt.bind_int(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

//! Fills the monitors of each incident (one prepared statement for all).
void load_monitors(SqliteConnection& c, std::vector<Incident>& incidents) {
  auto stmt = c.prepare(
      "SELECT monitor_tag, monitor_impact FROM incident_monitors WHERE incident_id = ?1 "
      "ORDER BY monitor_tag");
  for (auto& incident : incidents) {
    stmt.bind_int(1, incident.id);
    while (stmt.step()) {
      incident.monitors.push_back(
          {stmt.column_text(0), parse_status(stmt.column_text(1)).value_or(Status::kDown)});
    }
    stmt.reset();
  }
}

void insert_monitors(SqliteConnection& c, const Incident& incident) {
  auto stmt = c.prepare(
      "INSERT INTO incident_monitors (incident_id, monitor_tag, monitor_impact) "
      "VALUES (?1, ?2, ?3)");
  for (const auto& m : incident.monitors) {
    stmt.bind_int(1, incident.id).bind_text(2, m.monitor_tag).bind_text(3, to_string(m.impact));
    stmt.run();
    stmt.reset();
  }
}

void apply_progress(SqliteConnection& c, std::int64_t incident_id,
                    const std::optional<IncidentProgress>& progress, Seconds now) {
  if (!progress) return;
  auto stmt = c.prepare(
      "UPDATE incidents SET state = ?1, end_date_time = ?2, updated_at = ?3 WHERE id = ?4");
  stmt.bind_text(1, to_string(progress->state));
  bind_optional(stmt, 2, progress->end_date_time);
  stmt.bind_int(3, now).bind_int(4, incident_id).run();
}

SqliteWhere query_conditions(const IncidentQuery& query) {
  SqliteWhere where;
  if (query.start_from) where.add("start_date_time >= ?", {*query.start_from});
  if (query.start_until) where.add("start_date_time <= ?", {*query.start_until});
  if (query.overlap_from && query.overlap_to) {
    where.add("start_date_time < ? AND (end_date_time IS NULL OR end_date_time > ?)",
              {*query.overlap_to, *query.overlap_from});
  }
  if (query.monitor_tags) {
    where.add_linked("id", "incident_monitors", "incident_id", *query.monitor_tags,
                     query.include_global ? "is_global" : "");
  }
  return where;
}

}  // namespace

SqliteIncidentStore::SqliteIncidentStore(SqliteDatabase& database) : database_(database) {}

Seconds SqliteIncidentStore::now() const {
  return to_seconds(database_.clock().now_ms());
}

std::vector<Incident> SqliteIncidentStore::list(const IncidentQuery& query) {
  std::vector<Incident> incidents;
  SqliteWhere where = query_conditions(query);
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectIncident) + where.sql() +
                          " ORDER BY start_date_time DESC, id DESC LIMIT ?");
    stmt.bind_int(where.bind(stmt), query.limit);
    while (stmt.step()) incidents.push_back(read_incident(stmt));
    load_monitors(c, incidents);
  });
  return incidents;
}

std::optional<Incident> SqliteIncidentStore::get(std::int64_t id) {
  std::vector<Incident> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectIncident) + " WHERE id = ?1");
    stmt.bind_int(1, id);
    if (stmt.step()) found.push_back(read_incident(stmt));
    load_monitors(c, found);
  });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

Incident SqliteIncidentStore::create(const Incident& incident) {
  Incident stored = incident;
  stored.created_at = stored.updated_at = now();
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO incidents (title, start_date_time, end_date_time, state, incident_source, "
        "is_global, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    stmt.bind_text(1, stored.title).bind_int(2, stored.start_date_time);
    bind_optional(stmt, 3, stored.end_date_time);
    stmt.bind_text(4, to_string(stored.state))
        .bind_text(5, to_string(stored.source))
        .bind_text(6, yes_no_flag(stored.global))
        .bind_int(7, stored.created_at)
        .bind_int(8, stored.updated_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
    insert_monitors(c, stored);
  });
  return stored;
}

std::optional<Incident> SqliteIncidentStore::update(const Incident& incident) {
  Incident stored = incident;
  stored.updated_at = now();
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE incidents SET title = ?1, start_date_time = ?2, end_date_time = ?3, state = ?4, "
        "incident_source = ?5, is_global = ?6, updated_at = ?7 WHERE id = ?8 "
        "RETURNING created_at");
    stmt.bind_text(1, stored.title).bind_int(2, stored.start_date_time);
    bind_optional(stmt, 3, stored.end_date_time);
    stmt.bind_text(4, to_string(stored.state))
        .bind_text(5, to_string(stored.source))
        .bind_text(6, yes_no_flag(stored.global))
        .bind_int(7, stored.updated_at)
        .bind_int(8, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.created_at = stmt.column_int(0);
    auto clear = c.prepare("DELETE FROM incident_monitors WHERE incident_id = ?1");
    clear.bind_int(1, stored.id).run();
    insert_monitors(c, stored);
  });
  if (!found) return std::nullopt;
  return stored;
}

bool SqliteIncidentStore::remove(std::int64_t id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM incidents WHERE id = ?1");
    stmt.bind_int(1, id).run();
    found = c.changes() > 0;
  });
  return found;
}

std::vector<IncidentComment> SqliteIncidentStore::comments(std::int64_t incident_id) {
  std::vector<IncidentComment> comments;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectComment) +
                          " WHERE incident_id = ?1 ORDER BY commented_at DESC, id DESC");
    stmt.bind_int(1, incident_id);
    while (stmt.step()) comments.push_back(read_comment(stmt));
  });
  return comments;
}

std::optional<IncidentComment> SqliteIncidentStore::comment(std::int64_t incident_id,
                                                            std::int64_t comment_id) {
  std::optional<IncidentComment> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectComment) + " WHERE incident_id = ?1 AND id = ?2");
    stmt.bind_int(1, incident_id).bind_int(2, comment_id);
    if (stmt.step()) found = read_comment(stmt);
  });
  return found;
}

IncidentComment SqliteIncidentStore::add_comment(const IncidentComment& comment,
                                                 const std::optional<IncidentProgress>& progress) {
  IncidentComment stored = comment;
  stored.created_at = stored.updated_at = now();
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO incident_comments (incident_id, comment, state, commented_at, created_at, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
    stmt.bind_int(1, stored.incident_id)
        .bind_text(2, stored.comment)
        .bind_text(3, to_string(stored.state))
        .bind_int(4, stored.commented_at)
        .bind_int(5, stored.created_at)
        .bind_int(6, stored.updated_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
    apply_progress(c, stored.incident_id, progress, stored.updated_at);
  });
  return stored;
}

std::optional<IncidentComment> SqliteIncidentStore::update_comment(
    const IncidentComment& comment, const std::optional<IncidentProgress>& progress) {
  IncidentComment stored = comment;
  stored.updated_at = now();
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE incident_comments SET comment = ?1, state = ?2, commented_at = ?3, "
        "updated_at = ?4 WHERE incident_id = ?5 AND id = ?6 RETURNING created_at");
    stmt.bind_text(1, stored.comment)
        .bind_text(2, to_string(stored.state))
        .bind_int(3, stored.commented_at)
        .bind_int(4, stored.updated_at)
        .bind_int(5, stored.incident_id)
        .bind_int(6, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.created_at = stmt.column_int(0);
    apply_progress(c, stored.incident_id, progress, stored.updated_at);
  });
  if (!found) return std::nullopt;
  return stored;
}

bool SqliteIncidentStore::remove_comment(std::int64_t incident_id, std::int64_t comment_id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare("DELETE FROM incident_comments WHERE incident_id = ?1 AND id = ?2");
    stmt.bind_int(1, incident_id).bind_int(2, comment_id).run();
    found = c.changes() > 0;
  });
  return found;
}

}  // namespace vigil
