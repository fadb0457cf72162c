#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/outbox_message.hpp"

namespace vigil {

//! Which messages of the delivery log to read; every filter is optional.
struct DeliveryQuery {
  std::optional<DeliveryStatus> status;    //!< only this status
  std::optional<std::string> kind;         //!< only this kind (alert, test, subscriber, …)
  std::optional<std::int64_t> trigger_id;  //!< only messages sent through this trigger
  std::int64_t offset = 0;                 //!< rows skipped (newest first)
  std::int64_t limit = 20;                 //!< at most this many
};

//! One page of the delivery log and how many messages match in all.
struct DeliveryPage {
  std::vector<OutboxMessage> messages;  //!< newest first
  std::int64_t total = 0;               //!< matches without offset and limit
};

//! Persists the outbox: queued notifications and how their delivery went (the delivery log).
class OutboxStore {
 public:
  virtual ~OutboxStore() = default;
  //! Inserts `message` as given (status, attempts, …); returns it with id and created_at set,
  //! or nullopt when a message with the same idempotency key exists (nothing is changed then).
  virtual std::optional<OutboxMessage> insert(const OutboxMessage& message) = 0;
  //! PENDING messages with next_attempt_at <= now, oldest first, at most `limit`.
  virtual std::vector<OutboxMessage> due(Seconds now, std::size_t limit) = 0;
  //! Stores the delivery fields of `message` (status, attempts, next_attempt_at, last_error,
  //! delivered_at), matched by id.
  virtual void record_attempt(const OutboxMessage& message) = 0;
  //! One message.
  virtual std::optional<OutboxMessage> get(std::int64_t id) = 0;
  //! The delivery log, newest first.
  virtual DeliveryPage list(const DeliveryQuery& query) = 0;
  //! Deletes SENT and FAILED messages created before `before` (PENDING ones are never deleted);
  //! returns how many.
  virtual std::int64_t prune(Seconds before) = 0;
};

}  // namespace vigil
