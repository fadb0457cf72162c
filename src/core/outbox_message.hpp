#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time_units.hpp"

namespace vigil {

//! Where a queued message stands: PENDING until a send succeeds (SENT) or its attempts run out
//! (FAILED).
enum class DeliveryStatus { kPending, kSent, kFailed };

//! PENDING, SENT, FAILED.
std::string_view to_string(DeliveryStatus status);
//! Parses the spelling above; nullopt for anything else.
std::optional<DeliveryStatus> parse_delivery_status(std::string_view text);

//! One notification in the persisted outbox: what to send (a channel, its settings and the
//! template variables, rendered when sent) and how its delivery went.
struct OutboxMessage {
  std::int64_t id = 0;          //!< set by the store
  std::string idempotency_key;  //!< unique: a second message with the same key is dropped
  std::string kind;             //!< what caused it: alert, test, subscriber, verification
  std::string channel;          //!< a trigger_type: webhook, slack, discord, email, …
  std::string channel_config;   //!< JSON object: the trigger_meta in force when queued
  std::string variables;        //!< JSON object: template variables (Kener's names)
  std::optional<std::int64_t> trigger_id;  //!< the trigger it was sent through, if any
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;                     //!< sends tried so far
  Seconds next_attempt_at = 0;          //!< not sent before this (Unix s)
  std::string last_error;               //!< empty after a success
  Seconds created_at = 0;               //!< set by the store
  std::optional<Seconds> delivered_at;  //!< when it was SENT
};

}  // namespace vigil
