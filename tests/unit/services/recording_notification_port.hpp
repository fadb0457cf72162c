#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/notification_port.hpp"

namespace vigil::testing {

//! A NotificationPort that keeps what was queued and, like the real outbox, drops a message
//! whose idempotency key was queued before.
class RecordingNotificationPort final : public NotificationPort {
 public:
  std::optional<std::string> validate(const std::string&, const std::string&) const override {
    return std::nullopt;
  }
  bool enqueue(OutboxMessage message) override {
    if (!keys_.insert(message.idempotency_key).second) return false;
    queued.push_back(std::move(message));
    return true;
  }
  DeliveryOutcome send_now(OutboxMessage) override { return {true, ""}; }

  //! Every message queued, oldest first.
  std::vector<OutboxMessage> queued;

 private:
  std::set<std::string> keys_;
};

}  // namespace vigil::testing
