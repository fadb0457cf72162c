#pragma once

#include <boost/json/object.hpp>

#include "core/outbox_message.hpp"

namespace vigil {

//! A delivery log entry as the API shows it: id, idempotency_key, kind, channel, trigger_id,
//! status, attempts, next_attempt_at, last_error, created_at, delivered_at (Unix s). The
//! channel settings and variables are never shown: they may hold secrets.
boost::json::object delivery_to_json(const OutboxMessage& message);

}  // namespace vigil
