// The outbox and its worker on a real SQLite file and a real local receiver, on fake time.
#include <gtest/gtest.h>

#include "notify_harness.hpp"
#include "recording_http_server.hpp"

namespace vigil {
namespace {

namespace json = boost::json;
using testing::NotifyHarness;
using testing::RecordingHttpServer;

class DeliveryWorkerTest : public ::testing::Test {
 protected:
  OutboxMessage webhook(const std::string& url, const std::string& key = "k1") {
    return NotifyHarness::message("webhook", {{"url", url}}, key);
  }
  OutboxMessage only_message() {
    auto page = h_.store.list({});
    EXPECT_EQ(page.messages.size(), 1u);
    return page.messages.at(0);
  }

  NotifyHarness h_;
};

TEST_F(DeliveryWorkerTest, DuplicateKeyIsIgnored) {
  RecordingHttpServer receiver;
  EXPECT_TRUE(h_.notifier.enqueue(webhook(receiver.url("/a"))));
  EXPECT_FALSE(h_.notifier.enqueue(webhook(receiver.url("/b"))));
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  EXPECT_EQ(h_.worker.deliver_due(), 0u);
  ASSERT_EQ(receiver.requests().size(), 1u);
  EXPECT_EQ(receiver.requests()[0].target, "/a");
  auto m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kSent);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.delivered_at, NotifyHarness::kStartMs / 1000);
}

TEST_F(DeliveryWorkerTest, ReceiverDownThenUpRetriesWithBackoffAndDeliversOnce) {
  int port = 0;
  {
    RecordingHttpServer probe;  // find a free port, then leave it closed: the receiver is down
    port = probe.port();
  }
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/hook";
  ASSERT_TRUE(h_.notifier.enqueue(webhook(url)));
  const Seconds t0 = NotifyHarness::kStartMs / 1000;

  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  auto m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kPending);
  EXPECT_EQ(m.attempts, 1);
  EXPECT_FALSE(m.last_error.empty());
  // 5 s base with equal jitter at 0.5: 3 + 1 = 4 s (half of 5 is 2; 5 - 2 + 2 * 0.5).
  EXPECT_EQ(m.next_attempt_at, t0 + 4);

  EXPECT_EQ(h_.worker.deliver_due(), 0u);  // not due yet
  h_.clock.advance(4'000);
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  m = only_message();
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.next_attempt_at, t0 + 4 + 7);  // 10 s, jittered to 5 + 2

  RecordingHttpServer receiver(port);  // up again
  receiver.respond_with(503);
  h_.clock.advance(7'000);
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kPending);
  EXPECT_EQ(m.last_error, "HTTP 503: ok");
  EXPECT_EQ(m.next_attempt_at, t0 + 11 + 15);  // 20 s, jittered to 10 + 5

  receiver.respond_with(200);
  h_.clock.advance(15'000);
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  h_.clock.advance(3'600'000);
  EXPECT_EQ(h_.worker.deliver_due(), 0u);
  EXPECT_EQ(receiver.requests().size(), 2u);  // the 503 and the success
  m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kSent);
  EXPECT_EQ(m.attempts, 4);
  EXPECT_EQ(m.last_error, "");
  EXPECT_EQ(m.delivered_at, t0 + 26);
}

TEST_F(DeliveryWorkerTest, RateLimitIsRetriedAndBadRequestFailsAtOnce) {
  RecordingHttpServer receiver;
  receiver.respond_with(429);
  ASSERT_TRUE(h_.notifier.enqueue(webhook(receiver.url())));
  h_.worker.deliver_due();
  EXPECT_EQ(only_message().status, DeliveryStatus::kPending);

  receiver.respond_with(400);
  h_.clock.advance(10'000);
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  auto m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kFailed);
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.last_error, "HTTP 400: ok");
  h_.clock.advance(3'600'000);
  EXPECT_EQ(h_.worker.deliver_due(), 0u);
  EXPECT_EQ(receiver.requests().size(), 2u);
}

TEST_F(DeliveryWorkerTest, AttemptsRunOutIntoFailed) {
  RecordingHttpServer receiver;
  receiver.respond_with(500);
  h_.settings.max_attempts = 3;
  DeliveryWorker worker(
      h_.store, h_.channels, h_.clock, [] { return 0.0; }, h_.settings);
  ASSERT_TRUE(h_.notifier.enqueue(webhook(receiver.url())));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(worker.deliver_due(), 1u);
    h_.clock.advance(3'600'000);
  }
  EXPECT_EQ(worker.deliver_due(), 0u);
  auto m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kFailed);
  EXPECT_EQ(m.attempts, 3);
  EXPECT_EQ(receiver.requests().size(), 3u);
}

TEST_F(DeliveryWorkerTest, BadSettingsFailWithoutSending) {
  ASSERT_TRUE(h_.notifier.enqueue(NotifyHarness::message("webhook", {{"url", "nope"}})));
  EXPECT_EQ(h_.worker.deliver_due(), 1u);
  auto m = only_message();
  EXPECT_EQ(m.status, DeliveryStatus::kFailed);
  EXPECT_EQ(m.last_error, "url: must be an http:// or https:// URL");
}

TEST_F(DeliveryWorkerTest, PendingMessageIsSentOnceAfterRestartAndSentOneNeverAgain) {
  RecordingHttpServer receiver;
  std::string path = h_.dir.file("restart.db");
  {
    SqliteDatabase db(path, h_.clock);
    SqliteOutboxStore store(db);
    DeliveryWorker worker(
        store, h_.channels, h_.clock, [] { return 0.5; }, h_.settings);
    Notifier notifier(store, h_.channels, worker, h_.clock);
    ASSERT_TRUE(notifier.enqueue(webhook(receiver.url("/first"), "first")));
    ASSERT_EQ(worker.deliver_due(), 1u);
    ASSERT_TRUE(notifier.enqueue(webhook(receiver.url("/second"), "second")));
    // the process stops before the worker ran again
  }
  for (int run = 0; run < 2; ++run) {
    SqliteDatabase db(path, h_.clock);
    SqliteOutboxStore store(db);
    DeliveryWorker worker(
        store, h_.channels, h_.clock, [] { return 0.5; }, h_.settings);
    Notifier notifier(store, h_.channels, worker, h_.clock);
    EXPECT_FALSE(notifier.enqueue(webhook(receiver.url("/first"), "first")));
    EXPECT_EQ(worker.deliver_due(), run == 0 ? 1u : 0u);
  }
  auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].target, "/first");
  EXPECT_EQ(requests[1].target, "/second");
}

TEST_F(DeliveryWorkerTest, RunningWorkerDeliversWhenWoken) {
  RecordingHttpServer receiver;
  h_.worker.start();
  ASSERT_TRUE(h_.notifier.enqueue(webhook(receiver.url("/live"))));
  for (int i = 0; i < 500 && receiver.requests().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // waits for a real thread
  }
  h_.worker.stop();
  ASSERT_EQ(receiver.requests().size(), 1u);
  EXPECT_EQ(receiver.requests()[0].target, "/live");
}

TEST_F(DeliveryWorkerTest, SendNowReportsAndLogsATest) {
  RecordingHttpServer receiver;
  auto ok = h_.notifier.send_now(webhook(receiver.url("/test"), ""));
  EXPECT_TRUE(ok.delivered);
  receiver.respond_with(404);
  auto refused = h_.notifier.send_now(webhook(receiver.url("/test"), ""));
  EXPECT_FALSE(refused.delivered);
  EXPECT_EQ(refused.error, "HTTP 404: ok");
  auto page = h_.store.list({});
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.messages[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(page.messages[1].status, DeliveryStatus::kSent);
  EXPECT_EQ(page.messages[1].kind, "test");
  EXPECT_NE(page.messages[0].idempotency_key, page.messages[1].idempotency_key);
  EXPECT_EQ(h_.worker.deliver_due(), 0u);  // a test is never sent again
  EXPECT_EQ(receiver.requests().size(), 2u);
}

TEST(RetryDelayTest, DoublesUpToTheCapWithJitter) {
  DeliverySettings s;
  EXPECT_EQ(retry_delay(s, 1, 0.0), 3);
  EXPECT_EQ(retry_delay(s, 1, 0.999), 4);
  EXPECT_EQ(retry_delay(s, 2, 0.0), 5);
  EXPECT_EQ(retry_delay(s, 11, 0.0), 1800);
  EXPECT_EQ(retry_delay(s, 40, 0.999), 3598);
}

}  // namespace
}  // namespace vigil
