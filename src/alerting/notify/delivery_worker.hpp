#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>

#include "alerting/notify/channel_registry.hpp"
#include "alerting/notify/delivery_settings.hpp"
#include "alerting/notify/send_outcome.hpp"
#include "core/clock.hpp"
#include "core/notification_port.hpp"
#include "storage/outbox_store.hpp"

namespace vigil {

//! A source of uniform random numbers in [0, 1), injected for retry jitter.
using JitterSource = std::function<double()>;

//! Delivers the outbox: takes due PENDING messages (oldest first, a bounded batch), sends them
//! through their channels, many at once on its own event loop and thread, and records every
//! attempt. 2xx (or an accepted mail) makes a message SENT; network errors, timeouts, 408, 429
//! and 5xx retry with exponential backoff and jitter until max_attempts, then FAILED; other
//! failures are FAILED at once. A message is marked SENT right after its send succeeded, so a
//! crash in between means it is sent again after restart (at least once; receivers can
//! deduplicate by its Idempotency-Key).
class DeliveryWorker {
 public:
  //! Uses `store`, `channels` and `clock`, which must outlive the worker.
  DeliveryWorker(OutboxStore& store, const ChannelRegistry& channels, const Clock& clock,
                 JitterSource random, DeliverySettings settings = {});
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  //! Starts the worker's thread, which delivers due messages every poll_interval and on wake().
  void start();
  //! Stops the thread; sends in progress are abandoned and stay PENDING.
  void stop();
  //! Asks a running worker to look for due messages now.
  void wake();
  //! Runs one round (sends every due message of one batch and records the outcomes) and
  //! returns when it is finished; returns how many messages were attempted.
  std::size_t deliver_due();
  //! Sends `message` now (once, no retries), records it in the log (kind "test";
  //! a fresh idempotency key unless given) and returns the outcome; waits at most
  //! send_timeout plus a margin.
  DeliveryOutcome send_now(OutboxMessage message);

 private:
  struct Loop;

  void round(std::function<void(std::size_t)> done);
  void attempt(const OutboxMessage& message, std::function<void(SendOutcome)> done);
  void record(OutboxMessage& message, const SendOutcome& outcome, bool retry);
  void poll();
  bool on_loop(std::function<void(std::function<void()>)> work);
  Seconds now() const;

  OutboxStore& store_;
  const ChannelRegistry& channels_;
  const Clock& clock_;
  JitterSource random_;
  DeliverySettings settings_;
  std::unique_ptr<Loop> loop_;
  std::atomic<bool> running_{false};
  std::atomic<std::uint64_t> tests_sent_{0};  //!< makes generated test keys unique
  std::thread thread_;
};

}  // namespace vigil
