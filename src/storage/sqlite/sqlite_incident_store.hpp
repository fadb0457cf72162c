#pragma once

#include "storage/incident_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! IncidentStore on SQLite (tables incidents, incident_monitors, incident_comments);
//! thread-safe.
class SqliteIncidentStore final : public IncidentStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteIncidentStore(SqliteDatabase& database);

  std::vector<Incident> list(const IncidentQuery& query) override;
  std::optional<Incident> get(std::int64_t id) override;
  Incident create(const Incident& incident) override;
  std::optional<Incident> update(const Incident& incident) override;
  bool remove(std::int64_t id) override;

  std::vector<IncidentComment> comments(std::int64_t incident_id) override;
  std::optional<IncidentComment> comment(std::int64_t incident_id,
                                         std::int64_t comment_id) override;
  IncidentComment add_comment(const IncidentComment& comment,
                              const std::optional<IncidentProgress>& progress) override;
  std::optional<IncidentComment> update_comment(
      const IncidentComment& comment, const std::optional<IncidentProgress>& progress) override;
  bool remove_comment(std::int64_t incident_id, std::int64_t comment_id) override;

 private:
  Seconds now() const;

  SqliteDatabase& database_;
};

}  // namespace vigil
