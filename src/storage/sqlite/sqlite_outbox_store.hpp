#pragma once

#include "storage/outbox_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! OutboxStore on SQLite (table outbox); thread-safe.
class SqliteOutboxStore final : public OutboxStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteOutboxStore(SqliteDatabase& database);

  std::optional<OutboxMessage> insert(const OutboxMessage& message) override;
  std::vector<OutboxMessage> due(Seconds now, std::size_t limit) override;
  void record_attempt(const OutboxMessage& message) override;
  std::optional<OutboxMessage> get(std::int64_t id) override;
  DeliveryPage list(const DeliveryQuery& query) override;
  //! Deletes in batches, so the writer is never held up for long.
  std::int64_t prune(Seconds before) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
