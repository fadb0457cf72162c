#pragma once

#include <optional>
#include <string>

#include "core/outbox_message.hpp"
#include "core/secret_settings.hpp"

namespace vigil {

//! How one immediate send went.
struct DeliveryOutcome {
  bool delivered = false;  //!< the far side accepted it
  std::string error;       //!< why not, when not delivered
};

//! The notifier as the rest of Vigil sees it: validates channel settings, queues messages in the
//! persisted outbox (delivered later with retries, at most once per idempotency key) and sends a
//! test message at once.
class NotificationPort {
 public:
  virtual ~NotificationPort() = default;
  //! Checks a channel type and its settings (a trigger_meta JSON object); returns the problem
  //! ("field: problem") or nullopt when both are valid.
  virtual std::optional<std::string> validate(const std::string& channel,
                                              const std::string& config) const = 0;
  //! The settings of `channel` that hold secrets (none for an unknown channel).
  virtual SecretSettings secret_settings(const std::string& channel) const = 0;
  //! Queues a message durably; false when a message with the same idempotency key was queued
  //! before (nothing is added then).
  virtual bool enqueue(OutboxMessage message) = 0;
  //! Sends a message now, records it in the delivery log and reports how it went (the "send
  //! test" action). Blocks the caller until the send finished or timed out.
  virtual DeliveryOutcome send_now(OutboxMessage message) = 0;
};

}  // namespace vigil
