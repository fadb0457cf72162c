#pragma once

#include "storage/site_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! SiteStore on SQLite (Kener's site_data table); thread-safe.
class SqliteSiteStore final : public SiteStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteSiteStore(SqliteDatabase& database);

  std::vector<SiteDataEntry> list() override;
  void put(const SiteDataEntry& entry) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
