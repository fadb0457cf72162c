#pragma once

#include "alerting/notify/channel_registry.hpp"
#include "alerting/notify/delivery_worker.hpp"
#include "core/clock.hpp"
#include "core/notification_port.hpp"
#include "storage/outbox_store.hpp"

namespace vigil {

//! The NotificationPort: validates channel settings with the registry, queues messages in the
//! outbox and wakes the delivery worker, and sends test messages through the worker.
class Notifier final : public NotificationPort {
 public:
  //! Uses the given parts, which must outlive the notifier.
  Notifier(OutboxStore& store, const ChannelRegistry& channels, DeliveryWorker& worker,
           const Clock& clock);

  std::optional<std::string> validate(const std::string& channel,
                                      const std::string& config) const override;
  SecretSettings secret_settings(const std::string& channel) const override;
  bool enqueue(OutboxMessage message) override;
  DeliveryOutcome send_now(OutboxMessage message) override;

 private:
  OutboxStore& store_;
  const ChannelRegistry& channels_;
  DeliveryWorker& worker_;
  const Clock& clock_;
};

}  // namespace vigil
