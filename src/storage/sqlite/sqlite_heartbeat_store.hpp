#pragma once

#include "storage/heartbeat_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! HeartbeatStore on SQLite.
class SqliteHeartbeatStore final : public HeartbeatStore {
 public:
  explicit SqliteHeartbeatStore(SqliteDatabase& database) : database_(database) {}
  //! HeartbeatStore.
  void save(const std::string& tag, const HeartbeatSignal& signal) override;
  //! HeartbeatStore.
  std::map<std::string, HeartbeatSignal> load_all() override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
