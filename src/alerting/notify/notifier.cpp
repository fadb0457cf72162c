#include "alerting/notify/notifier.hpp"

namespace vigil {

Notifier::Notifier(OutboxStore& store, const ChannelRegistry& channels, DeliveryWorker& worker,
                   const Clock& clock)
    : store_(store), channels_(channels), worker_(worker), clock_(clock) {}

std::optional<std::string> Notifier::validate(const std::string& channel,
                                              const std::string& config) const {
  OutboxMessage probe;
  probe.idempotency_key = "validate";
  probe.channel = channel;
  probe.channel_config = config.empty() ? "{}" : config;
  auto call = channels_.prepare(probe, to_seconds(clock_.now_ms()));
  if (!call.ok()) return call.error().message;
  return std::nullopt;
}

SecretSettings Notifier::secret_settings(const std::string& channel) const {
  const Channel* found = channels_.find(channel);
  return found ? found->secret_settings() : SecretSettings{};
}

bool Notifier::enqueue(OutboxMessage message) {
  message.status = DeliveryStatus::kPending;
  message.attempts = 0;
  message.last_error.clear();
  message.delivered_at.reset();
  if (message.next_attempt_at == 0) message.next_attempt_at = to_seconds(clock_.now_ms());
  if (!store_.insert(message)) return false;
  worker_.wake();
  return true;
}

DeliveryOutcome Notifier::send_now(OutboxMessage message) {
  return worker_.send_now(std::move(message));
}

}  // namespace vigil
