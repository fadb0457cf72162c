#include "api/delivery_json.hpp"

namespace vigil {

boost::json::object delivery_to_json(const OutboxMessage& message) {
  boost::json::object out{{"id", message.id},
                          {"idempotency_key", message.idempotency_key},
                          {"kind", message.kind},
                          {"channel", message.channel},
                          {"trigger_id", nullptr},
                          {"status", to_string(message.status)},
                          {"attempts", message.attempts},
                          {"next_attempt_at", message.next_attempt_at},
                          {"last_error", message.last_error},
                          {"created_at", message.created_at},
                          {"delivered_at", nullptr}};
  if (message.trigger_id) out["trigger_id"] = *message.trigger_id;
  if (message.delivered_at) out["delivered_at"] = *message.delivered_at;
  return out;
}

}  // namespace vigil
