#pragma once

#include "storage/page_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! PageStore on SQLite (Kener's pages and pages_monitors tables); thread-safe.
class SqlitePageStore final : public PageStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqlitePageStore(SqliteDatabase& database);

  std::vector<PageSpec> list() override;
  std::optional<PageSpec> get(std::string_view page_path) override;
  Result<PageSpec> create(const PageSpec& page) override;
  Result<PageSpec> update(const PageSpec& page) override;
  bool remove(std::int64_t id) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
