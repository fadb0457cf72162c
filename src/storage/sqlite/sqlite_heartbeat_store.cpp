#include "storage/sqlite/sqlite_heartbeat_store.hpp"

namespace vigil {

void SqliteHeartbeatStore::save(const std::string& tag, const HeartbeatSignal& signal) {
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO heartbeat_signals (monitor_tag, at_ms, status, message, ping_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (monitor_tag) DO UPDATE SET "
        "at_ms = excluded.at_ms, status = excluded.status, message = excluded.message, "
        "ping_ms = excluded.ping_ms");
    stmt.bind_text(1, tag)
        .bind_int(2, signal.at_ms)
        .bind_text(3, to_string(signal.status))
        .bind_text(4, signal.message);
    if (signal.ping_ms) {
      stmt.bind_double(5, *signal.ping_ms);
    } else {
      stmt.bind_null(5);
    }
    stmt.run();
  });
}

std::map<std::string, HeartbeatSignal> SqliteHeartbeatStore::load_all() {
  std::map<std::string, HeartbeatSignal> signals;
  database_.read([&](SqliteConnection& c) {
    auto stmt =
        c.prepare("SELECT monitor_tag, at_ms, status, message, ping_ms FROM heartbeat_signals");
    while (stmt.step()) {
      HeartbeatSignal signal;
      signal.at_ms = stmt.column_int(1);
      signal.status = parse_status(stmt.column_text(2)).value_or(Status::kUp);
      signal.message = stmt.column_text(3);
      if (!stmt.is_null(4)) signal.ping_ms = stmt.column_double(4);
      signals.emplace(stmt.column_text(0), std::move(signal));
    }
  });
  return signals;
}

}  // namespace vigil
