#pragma once

#include "storage/monitor_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! MonitorStore on SQLite (Kener's monitors table); thread-safe.
class SqliteMonitorStore final : public MonitorStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteMonitorStore(SqliteDatabase& database);

  std::vector<MonitorSpec> list() override;
  std::optional<MonitorSpec> get(std::string_view tag) override;
  Result<MonitorSpec> create(const MonitorSpec& spec) override;
  Result<MonitorSpec> update(const MonitorSpec& spec) override;
  bool remove(std::string_view tag) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
