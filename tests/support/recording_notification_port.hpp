#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/notification_port.hpp"

namespace vigil::testing {

//! A NotificationPort that records what it is given. Like the real outbox it drops a message
//! whose idempotency key it has seen; validate() wants a "url" in webhook settings.
class RecordingNotificationPort final : public NotificationPort {
 public:
  //! NotificationPort: webhook settings need a url; every other known channel passes.
  std::optional<std::string> validate(const std::string& channel,
                                      const std::string& config) const override {
    if (channel == "webhook" && config.find("\"url\"") == std::string::npos) {
      return "url: is required";
    }
    return std::nullopt;
  }
  //! NotificationPort: no setting is a secret here.
  SecretSettings secret_settings(const std::string&) const override { return {}; }
  //! NotificationPort: records the message unless its key was seen.
  bool enqueue(OutboxMessage message) override {
    std::lock_guard lock(mutex_);
    if (!keys_.insert(message.idempotency_key).second) return false;
    queued_.push_back(std::move(message));
    return true;
  }
  //! NotificationPort: records the message and answers `outcome`.
  DeliveryOutcome send_now(OutboxMessage message) override {
    std::lock_guard lock(mutex_);
    sent_now_.push_back(std::move(message));
    return outcome;
  }
  //! The messages queued so far, in order.
  std::vector<OutboxMessage> queued() const {
    std::lock_guard lock(mutex_);
    return queued_;
  }
  //! The messages sent at once so far.
  std::vector<OutboxMessage> sent_now() const {
    std::lock_guard lock(mutex_);
    return sent_now_;
  }
  //! Forgets the queued messages (but not their keys, as the outbox would).
  void clear() {
    std::lock_guard lock(mutex_);
    queued_.clear();
  }

  DeliveryOutcome outcome{true, ""};  //!< what send_now() answers

 private:
  mutable std::mutex mutex_;
  std::set<std::string> keys_;
  std::vector<OutboxMessage> queued_;
  std::vector<OutboxMessage> sent_now_;
};

}  // namespace vigil::testing
