#include "alerting/notify/delivery_worker.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <future>
#include <optional>
#include <set>

#include "alerting/notify/http_sender.hpp"
#include "alerting/notify/smtp_sender.hpp"
#include "net/curl_engine.hpp"

namespace vigil {

namespace asio = boost::asio;

//! The worker's event loop and what lives on it; touched only on the loop's thread.
struct DeliveryWorker::Loop {
  explicit Loop(std::chrono::milliseconds timeout)
      : engine(io), http(engine, timeout), smtp(engine, timeout), timer(io) {}

  asio::io_context io;
  CurlEngine engine;
  HttpSender http;
  SmtpSender smtp;
  asio::steady_timer timer;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  std::set<std::int64_t> in_flight;  //!< ids being sent, never taken twice
};

namespace {

//! A margin on top of the send timeout for send_now's wait.
constexpr std::chrono::milliseconds kWaitMargin{5'000};

}  // namespace

DeliveryWorker::DeliveryWorker(OutboxStore& store, const ChannelRegistry& channels,
                               const Clock& clock, JitterSource random, DeliverySettings settings)
    : store_(store),
      channels_(channels),
      clock_(clock),
      random_(std::move(random)),
      settings_(settings),
      loop_(std::make_unique<Loop>(settings.send_timeout)) {}

DeliveryWorker::~DeliveryWorker() {
  stop();
}

Seconds DeliveryWorker::now() const {
  return to_seconds(clock_.now_ms());
}

void DeliveryWorker::start() {
  if (running_.exchange(true)) return;
  loop_->io.restart();
  loop_->guard.emplace(loop_->io.get_executor());
  asio::post(loop_->io, [this] { poll(); });
  thread_ = std::thread([this] { loop_->io.run(); });
}

void DeliveryWorker::stop() {
  if (!running_.exchange(false)) return;
  loop_->io.stop();
  thread_.join();
  loop_->timer.cancel();  // a later deliver_due() must not restart the polling
  loop_->guard.reset();
  loop_->in_flight.clear();
}

void DeliveryWorker::wake() {
  if (!running_) return;
  asio::post(loop_->io, [this] { round([](std::size_t) {}); });
}

void DeliveryWorker::poll() {
  round([this](std::size_t) {
    loop_->timer.expires_after(settings_.poll_interval);
    loop_->timer.async_wait([this](boost::system::error_code ec) {
      if (!ec) poll();
    });
  });
}

bool DeliveryWorker::on_loop(std::function<void(std::function<void()>)> work) {
  auto finished = std::make_shared<std::promise<void>>();
  auto future = finished->get_future();
  asio::post(loop_->io,
             [work = std::move(work), finished] { work([finished] { finished->set_value(); }); });
  if (running_) {
    return future.wait_for(settings_.send_timeout + kWaitMargin) == std::future_status::ready;
  }
  loop_->io.restart();
  while (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    if (loop_->io.run_one() == 0) return false;
  }
  return true;
}

std::size_t DeliveryWorker::deliver_due() {
  auto count = std::make_shared<std::size_t>(0);
  on_loop([this, count](std::function<void()> finished) {
    round([count, finished = std::move(finished)](std::size_t n) {
      *count = n;
      finished();
    });
  });
  return *count;
}

void DeliveryWorker::round(std::function<void(std::size_t)> done) {
  std::vector<OutboxMessage> batch;
  for (auto& message : store_.due(now(), settings_.batch)) {
    if (loop_->in_flight.insert(message.id).second) batch.push_back(std::move(message));
  }
  if (batch.empty()) return done(0);
  auto remaining = std::make_shared<std::size_t>(batch.size());
  auto all_done = std::make_shared<std::function<void(std::size_t)>>(std::move(done));
  std::size_t total = batch.size();
  for (auto& message : batch) {
    auto owned = std::make_shared<OutboxMessage>(std::move(message));
    attempt(*owned, [this, owned, remaining, all_done, total](SendOutcome outcome) {
      record(*owned, outcome, true);
      store_.record_attempt(*owned);
      loop_->in_flight.erase(owned->id);
      if (--*remaining == 0) (*all_done)(total);
    });
  }
}

void DeliveryWorker::attempt(const OutboxMessage& message, std::function<void(SendOutcome)> done) {
  auto call = channels_.prepare(message, now());
  if (!call.ok()) return done({false, false, call.error().message});
  if (const auto* http = std::get_if<HttpCall>(&call.value())) {
    loop_->http.send(*http, message.idempotency_key, std::move(done));
  } else {
    loop_->smtp.send(std::get<MailCall>(call.value()), std::move(done));
  }
}

void DeliveryWorker::record(OutboxMessage& message, const SendOutcome& outcome, bool retry) {
  Seconds t = now();
  message.attempts += 1;
  message.last_error = outcome.error;
  if (outcome.delivered) {
    message.status = DeliveryStatus::kSent;
    message.delivered_at = t;
  } else if (retry && outcome.retryable && message.attempts < settings_.max_attempts) {
    message.status = DeliveryStatus::kPending;
    message.next_attempt_at = t + retry_delay(settings_, message.attempts, random_());
  } else {
    message.status = DeliveryStatus::kFailed;
  }
}

DeliveryOutcome DeliveryWorker::send_now(OutboxMessage message) {
  message.kind = "test";
  if (message.idempotency_key.empty()) {
    message.idempotency_key = "test-" + std::to_string(clock_.now_ms()) + "-" +
                              std::to_string(static_cast<std::uint64_t>(random_() * 1e12)) + "-" +
                              std::to_string(++tests_sent_);
  }
  message.next_attempt_at = now();
  auto result = std::make_shared<DeliveryOutcome>();
  auto owned = std::make_shared<OutboxMessage>(std::move(message));
  bool finished = on_loop([this, owned, result](std::function<void()> finished) {
    attempt(*owned, [this, owned, result, finished = std::move(finished)](SendOutcome outcome) {
      record(*owned, outcome, false);
      store_.insert(*owned);
      result->delivered = outcome.delivered;
      result->error = outcome.error;
      finished();
    });
  });
  if (!finished) return {false, "timed out waiting for the send"};
  return *result;
}

}  // namespace vigil
