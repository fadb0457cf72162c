#pragma once

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/trigger_store.hpp"

namespace vigil {

//! TriggerStore on SQLite (table triggers); thread-safe.
class SqliteTriggerStore final : public TriggerStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteTriggerStore(SqliteDatabase& database) : database_(database) {}

  std::vector<Trigger> list() override;
  Trigger create(const Trigger& trigger) override;
  std::optional<Trigger> update(const Trigger& trigger) override;
  bool remove(std::int64_t id) override;
  std::vector<std::int64_t> rules_using(std::int64_t id) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
