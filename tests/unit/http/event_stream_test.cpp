#include "http/event_stream.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "http/http_server.hpp"
#include "raw_connection.hpp"

namespace vigil {
namespace {

using testing::RawConnection;

HttpServerOptions loopback_options() {
  HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  return options;
}

// A server whose every request opens a new event stream, handed to the test.
class EventStreamServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<HttpServer>(loopback_options(), [this](const HttpRequest&) {
      HttpResponse response;
      response.stream = std::make_shared<EventStream>();
      opened_.set_value(response.stream);
      return response;
    });
    server_->start();
  }

  std::shared_ptr<EventStream> open_stream(RawConnection& connection) {
    connection.send("GET /live HTTP/1.1\r\nHost: test\r\n\r\n");
    auto future = opened_.get_future();
    EXPECT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    return future.get();
  }

  std::promise<std::shared_ptr<EventStream>> opened_;
  std::unique_ptr<HttpServer> server_;
};

TEST(EventStreamTest, QueuesEventsInWireFormat) {
  EventStream stream;
  EXPECT_TRUE(stream.push("status", R"({"tag":"web"})"));
  EXPECT_TRUE(stream.push("status", R"({"tag":"db"})"));
  EXPECT_EQ(stream.take(),
            "event: status\ndata: {\"tag\":\"web\"}\n\nevent: status\ndata: {\"tag\":\"db\"}\n\n");
  EXPECT_EQ(stream.take(), "");
}

TEST(EventStreamTest, AClientThatFallsBehindIsDropped) {
  EventStream stream(2);
  EXPECT_TRUE(stream.push("a", "1"));
  EXPECT_TRUE(stream.push("a", "2"));
  EXPECT_FALSE(stream.push("a", "3"));
  EXPECT_FALSE(stream.open());
}

TEST_F(EventStreamServerTest, EventsReachTheClientUntilTheStreamCloses) {
  RawConnection connection(server_->port());
  auto stream = open_stream(connection);
  stream->push("status", "first");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  stream->push("status", "second");
  stream->close();
  const auto wire = connection.read_until_close();
  ASSERT_TRUE(wire);
  EXPECT_NE(wire->find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(wire->find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_EQ(wire->find("Content-Length"), std::string::npos);
  const auto first = wire->find("event: status\ndata: first\n\n");
  const auto second = wire->find("event: status\ndata: second\n\n");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
}

TEST_F(EventStreamServerTest, StoppingTheServerEndsOpenStreamsPromptly) {
  RawConnection connection(server_->port());
  auto stream = open_stream(connection);
  const auto started = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_FALSE(stream->open());
  EXPECT_FALSE(stream->push("status", "late"));
}

}  // namespace
}  // namespace vigil
