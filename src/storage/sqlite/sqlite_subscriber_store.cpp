#include "storage/sqlite/sqlite_subscriber_store.hpp"

#include <string>

#include "storage/sqlite/kener_flags.hpp"

namespace vigil {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, kind, address, confirmed, status, wants_incidents, wants_maintenances, "
    "everything, token_salt, token_hash, created_at, updated_at FROM subscribers ";

Subscriber read_subscriber(const SqliteStatement& stmt) {
  Subscriber s;
  s.id = stmt.column_int(0);
  s.kind = parse_subscriber_kind(stmt.column_text(1)).value_or(SubscriberKind::kEmail);
  s.address = stmt.column_text(2);
  s.confirmed = is_yes_flag(stmt.column_text(3));
  s.active = is_active_flag(stmt.column_text(4));
  s.preferences.incidents = is_yes_flag(stmt.column_text(5));
  s.preferences.maintenances = is_yes_flag(stmt.column_text(6));
  s.preferences.everything = is_yes_flag(stmt.column_text(7));
  s.token_salt = stmt.column_text(8);
  s.token_hash = stmt.column_text(9);
  s.created_at = stmt.column_int(10);
  s.updated_at = stmt.column_int(11);
  return s;
}

//! Fills the chosen pages and monitors of each subscriber.
void load_choices(SqliteConnection& c, std::vector<Subscriber>& subscribers) {
  auto pages =
      c.prepare("SELECT page_id FROM subscriber_pages WHERE subscriber_id = ?1 ORDER BY page_id");
  auto monitors = c.prepare(
      "SELECT monitor_tag FROM subscriber_monitors WHERE subscriber_id = ?1 ORDER BY monitor_tag");
  for (auto& s : subscribers) {
    pages.bind_int(1, s.id);
    while (pages.step()) s.preferences.page_ids.push_back(pages.column_int(0));
    pages.reset();
    monitors.bind_int(1, s.id);
    while (monitors.step()) s.preferences.monitor_tags.push_back(monitors.column_text(0));
    monitors.reset();
  }
}

void write_choices(SqliteConnection& c, const Subscriber& s) {
  c.prepare("DELETE FROM subscriber_pages WHERE subscriber_id = ?1").bind_int(1, s.id).run();
  c.prepare("DELETE FROM subscriber_monitors WHERE subscriber_id = ?1").bind_int(1, s.id).run();
  auto page = c.prepare("INSERT INTO subscriber_pages (subscriber_id, page_id) VALUES (?1, ?2)");
  for (auto id : s.preferences.page_ids) {
    page.bind_int(1, s.id).bind_int(2, id).run();
    page.reset();
  }
  auto monitor =
      c.prepare("INSERT INTO subscriber_monitors (subscriber_id, monitor_tag) VALUES (?1, ?2)");
  for (const auto& tag : s.preferences.monitor_tags) {
    monitor.bind_int(1, s.id).bind_text(2, tag).run();
    monitor.reset();
  }
}

template <class T, class Format>
std::string join(const std::vector<T>& items, Format&& format) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += format(item);
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    auto comma = text.find(',', from);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(from, comma - from));
    from = comma + 1;
  }
  return out;
}

}  // namespace

SqliteSubscriberStore::SqliteSubscriberStore(SqliteDatabase& database) : database_(database) {}

std::vector<Subscriber> SqliteSubscriberStore::select(std::string_view where, const Bind& bind) {
  std::vector<Subscriber> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(std::string(kSelect) + std::string(where) + " ORDER BY id");
    bind(stmt);
    while (stmt.step()) found.push_back(read_subscriber(stmt));
    load_choices(c, found);
  });
  return found;
}

std::vector<Subscriber> SqliteSubscriberStore::list() {
  return select("", [](SqliteStatement&) {});
}

std::optional<Subscriber> SqliteSubscriberStore::get(std::int64_t id) {
  auto found = select("WHERE id = ?1", [&](SqliteStatement& stmt) { stmt.bind_int(1, id); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Subscriber> SqliteSubscriberStore::find_by_address(SubscriberKind kind,
                                                                 std::string_view address) {
  auto found = select("WHERE kind = ?1 AND address = ?2", [&](SqliteStatement& stmt) {
    stmt.bind_text(1, to_string(kind)).bind_text(2, address);
  });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Subscriber> SqliteSubscriberStore::find_by_token_hash(std::string_view token_hash) {
  if (token_hash.empty()) return std::nullopt;
  auto found = select("WHERE token_hash = ?1",
                      [&](SqliteStatement& stmt) { stmt.bind_text(1, token_hash); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

Subscriber SqliteSubscriberStore::create(const Subscriber& subscriber) {
  Subscriber stored = subscriber;
  stored.created_at = stored.updated_at = to_seconds(database_.clock().now_ms());
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO subscribers (kind, address, confirmed, status, wants_incidents, "
        "wants_maintenances, everything, token_salt, token_hash, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id");
    stmt.bind_text(1, to_string(stored.kind))
        .bind_text(2, stored.address)
        .bind_text(3, yes_no_flag(stored.confirmed))
        .bind_text(4, active_flag(stored.active))
        .bind_text(5, yes_no_flag(stored.preferences.incidents))
        .bind_text(6, yes_no_flag(stored.preferences.maintenances))
        .bind_text(7, yes_no_flag(stored.preferences.everything))
        .bind_text(8, stored.token_salt)
        .bind_text(9, stored.token_hash)
        .bind_int(10, stored.created_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
    stmt.reset();
    write_choices(c, stored);
  });
  return stored;
}

std::optional<Subscriber> SqliteSubscriberStore::update(const Subscriber& subscriber) {
  const Seconds now = to_seconds(database_.clock().now_ms());
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE subscribers SET address = ?2, confirmed = ?3, status = ?4, wants_incidents = ?5, "
        "wants_maintenances = ?6, everything = ?7, token_salt = ?8, token_hash = ?9, "
        "updated_at = ?10 WHERE id = ?1");
    stmt.bind_int(1, subscriber.id)
        .bind_text(2, subscriber.address)
        .bind_text(3, yes_no_flag(subscriber.confirmed))
        .bind_text(4, active_flag(subscriber.active))
        .bind_text(5, yes_no_flag(subscriber.preferences.incidents))
        .bind_text(6, yes_no_flag(subscriber.preferences.maintenances))
        .bind_text(7, yes_no_flag(subscriber.preferences.everything))
        .bind_text(8, subscriber.token_salt)
        .bind_text(9, subscriber.token_hash)
        .bind_int(10, now)
        .run();
    found = c.changes() > 0;
    if (found) write_choices(c, subscriber);
  });
  if (!found) return std::nullopt;
  return get(subscriber.id);
}

bool SqliteSubscriberStore::remove(std::int64_t id) {
  bool removed = false;
  database_.write([&](SqliteConnection& c) {
    c.prepare("DELETE FROM subscribers WHERE id = ?1").bind_int(1, id).run();
    removed = c.changes() > 0;
  });
  return removed;
}

void SqliteSubscriberStore::put_code(const SubscriberCode& code) {
  const auto& p = code.preferences;
  database_.write([&](SqliteConnection& c) {
    c.prepare(
         "INSERT OR REPLACE INTO subscriber_codes (subscriber_id, code_hash, sent_at, expires_at, "
         "failed_attempts, wants_incidents, wants_maintenances, everything, page_ids, "
         "monitor_tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .bind_int(1, code.subscriber_id)
        .bind_text(2, code.code_hash)
        .bind_int(3, code.sent_at)
        .bind_int(4, code.expires_at)
        .bind_int(5, code.failed_attempts)
        .bind_text(6, yes_no_flag(p.incidents))
        .bind_text(7, yes_no_flag(p.maintenances))
        .bind_text(8, yes_no_flag(p.everything))
        .bind_text(9, join(p.page_ids, [](std::int64_t id) { return std::to_string(id); }))
        .bind_text(10, join(p.monitor_tags, [](const std::string& tag) { return tag; }))
        .run();
  });
}

std::optional<SubscriberCode> SqliteSubscriberStore::code(std::int64_t subscriber_id) {
  std::optional<SubscriberCode> found;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "SELECT code_hash, sent_at, expires_at, failed_attempts, wants_incidents, "
        "wants_maintenances, everything, page_ids, monitor_tags FROM subscriber_codes "
        "WHERE subscriber_id = ?1");
    stmt.bind_int(1, subscriber_id);
    if (!stmt.step()) return;
    SubscriberCode code;
    code.subscriber_id = subscriber_id;
    code.code_hash = stmt.column_text(0);
    code.sent_at = stmt.column_int(1);
    code.expires_at = stmt.column_int(2);
    code.failed_attempts = static_cast<int>(stmt.column_int(3));
    code.preferences.incidents = is_yes_flag(stmt.column_text(4));
    code.preferences.maintenances = is_yes_flag(stmt.column_text(5));
    code.preferences.everything = is_yes_flag(stmt.column_text(6));
    for (const auto& id : split(stmt.column_text(7))) {
      code.preferences.page_ids.push_back(std::stoll(id));
    }
    code.preferences.monitor_tags = split(stmt.column_text(8));
    found = std::move(code);
  });
  return found;
}

int SqliteSubscriberStore::count_failed_attempt(std::int64_t subscriber_id) {
  int attempts = 0;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE subscriber_codes SET failed_attempts = failed_attempts + 1 "
        "WHERE subscriber_id = ?1 RETURNING failed_attempts");
    stmt.bind_int(1, subscriber_id);
    if (stmt.step()) attempts = static_cast<int>(stmt.column_int(0));
  });
  return attempts;
}

void SqliteSubscriberStore::remove_code(std::int64_t subscriber_id) {
  database_.write([&](SqliteConnection& c) {
    c.prepare("DELETE FROM subscriber_codes WHERE subscriber_id = ?1")
        .bind_int(1, subscriber_id)
        .run();
  });
}

}  // namespace vigil
