#pragma once

#include "storage/maintenance_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! MaintenanceStore on SQLite (tables maintenances, maintenance_monitors, maintenance_events);
//! thread-safe.
class SqliteMaintenanceStore final : public MaintenanceStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteMaintenanceStore(SqliteDatabase& database);

  std::vector<Maintenance> list(const MaintenanceFilter& filter) override;
  std::optional<Maintenance> get(std::int64_t id) override;
  Maintenance create(const Maintenance& maintenance,
                     const std::vector<Occurrence>& occurrences) override;
  std::optional<Maintenance> update(const Maintenance& maintenance,
                                    const std::optional<Reschedule>& reschedule) override;
  bool remove(std::int64_t id) override;

  std::int64_t add_occurrences(std::int64_t maintenance_id,
                               const std::vector<Occurrence>& occurrences) override;
  MaintenanceEventPage events(const MaintenanceEventQuery& query) override;
  std::optional<MaintenanceEvent> event(std::int64_t event_id) override;
  Result<MaintenanceEvent> update_event(const MaintenanceEvent& event) override;
  std::int64_t set_event_statuses(const std::vector<EventStatusChange>& changes) override;
  bool remove_event(std::int64_t event_id) override;

 private:
  Seconds now() const;

  SqliteDatabase& database_;
};

}  // namespace vigil
