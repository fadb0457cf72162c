#include "storage/sqlite/sqlite_outbox_store.hpp"

#include <string>

#include "storage/sqlite/sqlite_batched_delete.hpp"
#include "storage/sqlite/sqlite_where.hpp"

namespace vigil {
namespace {

constexpr std::string_view kSelectMessage =
    "SELECT id, idempotency_key, kind, channel, channel_config, variables, trigger_id, status, "
    "attempts, next_attempt_at, last_error, created_at, delivered_at FROM outbox";

OutboxMessage read_message(const SqliteStatement& stmt) {
  OutboxMessage m;
  m.id = stmt.column_int(0);
  m.idempotency_key = stmt.column_text(1);
  m.kind = stmt.column_text(2);
  m.channel = stmt.column_text(3);
  m.channel_config = stmt.column_text(4);
  m.variables = stmt.column_text(5);
  if (!stmt.is_null(6)) m.trigger_id = stmt.column_int(6);
  m.status = parse_delivery_status(stmt.column_text(7)).value_or(DeliveryStatus::kPending);
  m.attempts = static_cast<int>(stmt.column_int(8));
  m.next_attempt_at = stmt.column_int(9);
  m.last_error = stmt.column_text(10);
  m.created_at = stmt.column_int(11);
  if (!stmt.is_null(12)) m.delivered_at = stmt.column_int(12);
  return m;
}

void bind_optional(SqliteStatement& stmt, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    stmt.bind_int(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

SqliteWhere query_conditions(const DeliveryQuery& query) {
  SqliteWhere where;
  if (query.status) where.add("status = ?", {std::string(to_string(*query.status))});
  if (query.kind) where.add("kind = ?", {*query.kind});
  if (query.trigger_id) where.add("trigger_id = ?", {*query.trigger_id});
  return where;
}

}  // namespace

SqliteOutboxStore::SqliteOutboxStore(SqliteDatabase& database) : database_(database) {}

std::optional<OutboxMessage> SqliteOutboxStore::insert(const OutboxMessage& message) {
  OutboxMessage stored = message;
  stored.created_at = to_seconds(database_.clock().now_ms());
  bool inserted = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO outbox (idempotency_key, kind, channel, channel_config, variables, "
        "trigger_id, status, attempts, next_attempt_at, last_error, created_at, delivered_at) "
        "VALUES (" +
        sqlite_placeholders(12) + ") ON CONFLICT (idempotency_key) DO NOTHING RETURNING id");
    stmt.bind_text(1, stored.idempotency_key)
        .bind_text(2, stored.kind)
        .bind_text(3, stored.channel)
        .bind_text(4, stored.channel_config)
        .bind_text(5, stored.variables);
    bind_optional(stmt, 6, stored.trigger_id);
    stmt.bind_text(7, to_string(stored.status))
        .bind_int(8, stored.attempts)
        .bind_int(9, stored.next_attempt_at)
        .bind_text(10, stored.last_error)
        .bind_int(11, stored.created_at);
    bind_optional(stmt, 12, stored.delivered_at);
    inserted = stmt.step();
    if (inserted) stored.id = stmt.column_int(0);
  });
  if (!inserted) return std::nullopt;
  return stored;
}

std::vector<OutboxMessage> SqliteOutboxStore::due(Seconds now, std::size_t limit) {
  std::vector<OutboxMessage> messages;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectMessage) +
                          " WHERE status = 'PENDING' AND next_attempt_at <= ?1 "
                          "ORDER BY next_attempt_at, id LIMIT ?2");
    stmt.bind_int(1, now).bind_int(2, static_cast<std::int64_t>(limit));
    while (stmt.step()) messages.push_back(read_message(stmt));
  });
  return messages;
}

void SqliteOutboxStore::record_attempt(const OutboxMessage& message) {
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE outbox SET status = ?1, attempts = ?2, next_attempt_at = ?3, last_error = ?4, "
        "delivered_at = ?5 WHERE id = ?6");
    stmt.bind_text(1, to_string(message.status))
        .bind_int(2, message.attempts)
        .bind_int(3, message.next_attempt_at)
        .bind_text(4, message.last_error);
    bind_optional(stmt, 5, message.delivered_at);
    stmt.bind_int(6, message.id).run();
  });
}

std::optional<OutboxMessage> SqliteOutboxStore::get(std::int64_t id) {
  std::optional<OutboxMessage> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelectMessage) + " WHERE id = ?1");
    stmt.bind_int(1, id);
    if (stmt.step()) found = read_message(stmt);
  });
  return found;
}

DeliveryPage SqliteOutboxStore::list(const DeliveryQuery& query) {
  DeliveryPage page;
  SqliteWhere where = query_conditions(query);
  database_.read([&](SqliteConnection& c) {
    auto count = c.prepare("SELECT COUNT(*) FROM outbox" + where.sql());
    where.bind(count);
    if (count.step()) page.total = count.column_int(0);
    auto stmt =
        c.prepare(std::string(kSelectMessage) + where.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?");
    int next = where.bind(stmt);
    stmt.bind_int(next, query.limit).bind_int(next + 1, query.offset);
    while (stmt.step()) page.messages.push_back(read_message(stmt));
  });
  return page;
}

std::int64_t SqliteOutboxStore::prune(Seconds before) {
  return delete_in_batches(database_, "outbox", "status <> 'PENDING' AND created_at < ?1", before);
}

}  // namespace vigil
