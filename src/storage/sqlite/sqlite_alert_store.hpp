#pragma once

#include "storage/alert_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! AlertStore on SQLite (tables monitor_alerts_config, its _monitors and _triggers links,
//! monitor_alerts_v2 and monitor_alerts_history); thread-safe.
class SqliteAlertStore final : public AlertStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteAlertStore(SqliteDatabase& database) : database_(database) {}

  std::vector<AlertRule> list_rules() override;
  AlertRule create_rule(const AlertRule& rule) override;
  std::optional<AlertRule> update_rule(const AlertRule& rule) override;
  bool remove_rule(std::int64_t id) override;
  std::vector<AlertState> states(std::optional<std::int64_t> rule_id) override;
  AlertState save_state(const AlertState& state) override;
  AlertState save_transition(const AlertState& state, const AlertHistoryEntry& change) override;
  AlertHistoryPage history(std::int64_t rule_id, std::int64_t offset, std::int64_t limit) override;
  //! Deletes in batches, so the writer is never held up for long.
  std::int64_t prune_history(Seconds before) override;

 private:
  Seconds now() const;

  SqliteDatabase& database_;
};

}  // namespace vigil
