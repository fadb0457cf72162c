#include "storage/sqlite/sqlite_page_store.hpp"

#include <string>

namespace vigil {
namespace {

// Bound as ?1..?6 by bind_page and read back in this order by read_page (after the id).
constexpr std::string_view kColumns =
    "page_path, page_title, page_header, page_subheader, page_logo, page_settings_json";
constexpr int kColumnCount = 6;

void bind_page(SqliteStatement& stmt, const PageSpec& page) {
  stmt.bind_text(1, page.page_path)
      .bind_text(2, page.page_title)
      .bind_text(3, page.page_header)
      .bind_text(4, page.page_subheader)
      .bind_text(5, page.page_logo)
      .bind_text(6, page.page_settings_json);
}

// Reads id, kColumns, created_at and updated_at.
PageSpec read_page(const SqliteStatement& stmt) {
  PageSpec page;
  page.id = stmt.column_int(0);
  page.page_path = stmt.column_text(1);
  page.page_title = stmt.column_text(2);
  page.page_header = stmt.column_text(3);
  page.page_subheader = stmt.column_text(4);
  page.page_logo = stmt.column_text(5);
  page.page_settings_json = stmt.column_text(6);
  page.created_at = stmt.column_int(kColumnCount + 1);
  page.updated_at = stmt.column_int(kColumnCount + 2);
  return page;
}

std::string select_sql(std::string_view where) {
  return "SELECT id, " + std::string(kColumns) + ", created_at, updated_at FROM pages " +
         std::string(where);
}

std::vector<std::string> read_monitors(SqliteConnection& c, std::int64_t page_id) {
  std::vector<std::string> tags;
  auto stmt =
      c.prepare("SELECT monitor_tag FROM pages_monitors WHERE page_id = ?1 ORDER BY position");
  stmt.bind_int(1, page_id);
  while (stmt.step()) tags.push_back(stmt.column_text(0));
  return tags;
}

void write_monitors(SqliteConnection& c, const PageSpec& page) {
  c.prepare("DELETE FROM pages_monitors WHERE page_id = ?1").bind_int(1, page.id).run();
  auto stmt =
      c.prepare("INSERT INTO pages_monitors (page_id, monitor_tag, position) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < page.monitors.size(); ++i) {
    stmt.bind_int(1, page.id)
        .bind_text(2, page.monitors[i])
        .bind_int(3, static_cast<std::int64_t>(i))
        .run();
    stmt.reset();
  }
}

bool path_taken(SqliteConnection& c, const PageSpec& page) {
  auto stmt = c.prepare("SELECT 1 FROM pages WHERE page_path = ?1 AND id <> ?2");
  stmt.bind_text(1, page.page_path).bind_int(2, page.id);
  return stmt.step();
}

Error conflict(const PageSpec& page) {
  return Error{ErrorCode::kConflict,
               "page '" + page_path_token(page.page_path) + "' already exists"};
}

}  // namespace

SqlitePageStore::SqlitePageStore(SqliteDatabase& database) : database_(database) {}

std::vector<PageSpec> SqlitePageStore::list() {
  std::vector<PageSpec> pages;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(select_sql("ORDER BY id"));
    while (stmt.step()) pages.push_back(read_page(stmt));
    for (PageSpec& page : pages) page.monitors = read_monitors(c, page.id);
  });
  return pages;
}

std::optional<PageSpec> SqlitePageStore::get(std::string_view page_path) {
  std::optional<PageSpec> page;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(select_sql("WHERE page_path = ?1"));
    stmt.bind_text(1, page_path);
    if (!stmt.step()) return;
    page = read_page(stmt);
    page->monitors = read_monitors(c, page->id);
  });
  return page;
}

Result<PageSpec> SqlitePageStore::create(const PageSpec& page) {
  PageSpec stored = page;
  stored.created_at = stored.updated_at = to_seconds(database_.clock().now_ms());
  bool inserted = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt =
        c.prepare("INSERT INTO pages (" + std::string(kColumns) +
                  ", created_at, updated_at) VALUES (" + sqlite_placeholders(kColumnCount + 2) +
                  ") ON CONFLICT (page_path) DO NOTHING RETURNING id");
    bind_page(stmt, stored);
    stmt.bind_int(kColumnCount + 1, stored.created_at)
        .bind_int(kColumnCount + 2, stored.updated_at);
    inserted = stmt.step();
    if (!inserted) return;
    stored.id = stmt.column_int(0);
    stmt.reset();
    write_monitors(c, stored);
  });
  if (!inserted) return conflict(page);
  return stored;
}

Result<PageSpec> SqlitePageStore::update(const PageSpec& page) {
  PageSpec stored = page;
  stored.updated_at = to_seconds(database_.clock().now_ms());
  bool found = false;
  bool taken = false;
  database_.write([&](SqliteConnection& c) {
    taken = path_taken(c, stored);
    if (taken) return;
    auto stmt =
        c.prepare("UPDATE pages SET (" + std::string(kColumns) + ", updated_at) = (" +
                  sqlite_placeholders(kColumnCount + 1) + ") WHERE id = ?8 RETURNING created_at");
    bind_page(stmt, stored);
    stmt.bind_int(kColumnCount + 1, stored.updated_at).bind_int(kColumnCount + 2, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.created_at = stmt.column_int(0);
    stmt.reset();
    write_monitors(c, stored);
  });
  if (taken) return conflict(page);
  if (!found) {
    return Error{ErrorCode::kNotFound, "page '" + page_path_token(page.page_path) + "' not found"};
  }
  return stored;
}

bool SqlitePageStore::remove(std::int64_t id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    c.prepare("DELETE FROM pages WHERE id = ?1").bind_int(1, id).run();
    found = c.changes() > 0;
  });
  return found;
}

}  // namespace vigil
