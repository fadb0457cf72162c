#include "http/http_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "raw_connection.hpp"

namespace vigil {
namespace {

using testing::http_request;
using testing::RawConnection;
using Clock = std::chrono::steady_clock;

constexpr auto kFixedBody = R"({"fixed":true})";

// Answers with what it saw of the request, as JSON; "/boom" throws, "/fixed" gives kFixedBody.
HttpResponse echo(const HttpRequest& request) {
  if (request.path == "/boom") throw std::runtime_error("secret detail");
  if (request.path == "/fixed") return HttpResponse::json(200, kFixedBody);
  boost::json::object query;
  for (const auto& [name, value] : request.query) query[name] = value;
  return HttpResponse::json(200, boost::json::serialize(boost::json::object{
                                     {"method", request.method},
                                     {"path", request.path},
                                     {"query", query},
                                     {"x_test", request.header("x-test").value_or("")},
                                     {"body", request.body},
                                     {"remote", request.remote_address},
                                 }));
}

HttpServerOptions loopback_options() {
  HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  return options;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void start(HttpServerOptions options = loopback_options()) {
    server_ = std::make_unique<HttpServer>(options, echo);
    server_->start();
  }

  std::string url(const std::string& target) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + target;
  }

  static std::string get(const std::string& target, const std::string& extra_headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
  }

  std::unique_ptr<HttpServer> server_;
};

boost::json::value json_of(const std::string& body) {
  return boost::json::parse(body);
}

// A string member of a JSON body.
std::string field(const std::string& body, std::string_view key) {
  return std::string(json_of(body).at(key).as_string());
}

std::string error_code(const std::string& body) {
  return std::string(json_of(body).at("error").at("code").as_string());
}

TEST_F(HttpServerTest, GetWithQueryReachesHandler) {
  start();
  const auto response =
      http_request("GET", url("/echo/a%20b?x=1&y=two%20words"), "", {{"X-Test", "hello"}});
  ASSERT_EQ(response.status, 200) << response.error;
  const auto body = json_of(response.body);
  EXPECT_EQ(body.at("method"), "GET");
  EXPECT_EQ(body.at("path"), "/echo/a b");
  EXPECT_EQ(body.at("query"), (boost::json::object{{"x", "1"}, {"y", "two words"}}));
  EXPECT_EQ(body.at("x_test"), "hello");
  EXPECT_EQ(body.at("remote"), "127.0.0.1");
  EXPECT_EQ(response.headers.at("server"), "Vigil");
  EXPECT_EQ(response.headers.at("content-type"), "application/json");
  EXPECT_EQ(response.headers.at("content-length"), std::to_string(response.body.size()));
}

TEST_F(HttpServerTest, PostBodyReachesHandler) {
  start();
  const std::string payload = R"({"name":"web","tags":["a","b"]})";
  const auto response = http_request("POST", url("/monitors"), payload);
  ASSERT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(field(response.body, "method"), "POST");
  EXPECT_EQ(field(response.body, "body"), payload);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  RawConnection connection(server_->port());
  for (const char* path : {"/first", "/second"}) {
    connection.send(get(path));
    const auto response = connection.read_response();
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(field(response->body, "path"), path);
  }
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  RawConnection connection(server_->port());
  connection.send(get("/1") + get("/2") + get("/3"));
  for (const char* path : {"/1", "/2", "/3"}) {
    const auto response = connection.read_response();
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(field(response->body, "path"), path);
  }
}

TEST_F(HttpServerTest, HeadSendsHeadersWithoutBody) {
  start();
  RawConnection connection(server_->port());
  // If HEAD leaked body bytes, the GET response after it would not parse.
  connection.send("HEAD /fixed HTTP/1.1\r\nHost: test\r\n\r\n" + get("/fixed"));
  const auto head = connection.read_response(true);
  const auto full = connection.read_response();
  ASSERT_TRUE(head && full);
  EXPECT_EQ(head->status, 200);
  EXPECT_NE(head->head.find("Content-Length: " + std::to_string(full->body.size()) + "\r\n"),
            std::string::npos)
      << head->head;
  EXPECT_EQ(full->body, kFixedBody);
}

TEST_F(HttpServerTest, ConnectionCloseIsHonoured) {
  start();
  RawConnection connection(server_->port());
  connection.send(get("/bye", "Connection: close\r\n"));
  const auto all = connection.read_until_close();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->rfind("HTTP/1.1 200 OK\r\n", 0), 0U) << *all;
}

TEST_F(HttpServerTest, TooLargeBodyGets413) {
  auto options = loopback_options();
  options.body_limit = 1024;
  start(options);
  const auto response = http_request("POST", url("/upload"), std::string(64 * 1024, 'x'));
  EXPECT_EQ(response.status, 413) << response.error;
  EXPECT_EQ(error_code(response.body), "PAYLOAD_TOO_LARGE");

  const auto small = http_request("POST", url("/upload"), std::string(1024, 'x'));
  EXPECT_EQ(small.status, 200);
}

TEST_F(HttpServerTest, TooLargeHeadersGet431) {
  auto options = loopback_options();
  options.header_limit = 1024;
  start(options);
  const auto response = http_request("GET", url("/"), "", {{"X-Big", std::string(4096, 'h')}});
  EXPECT_EQ(response.status, 431) << response.error;
  EXPECT_EQ(error_code(response.body), "HEADERS_TOO_LARGE");
}

TEST_F(HttpServerTest, Expect100ContinueGetsInterimResponse) {
  start();
  RawConnection connection(server_->port());
  connection.send(
      "POST /up HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  const auto interim = connection.read_response(true);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  connection.send("hello");
  const auto response = connection.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(field(response->body, "body"), "hello");
}

TEST_F(HttpServerTest, GarbageGets400AndClose) {
  start();
  RawConnection connection(server_->port());
  connection.send("\x16\x03\x01\x02\x00 not http at all\r\n\r\n");
  const auto all = connection.read_until_close();
  ASSERT_TRUE(all) << "connection left open";
  EXPECT_EQ(all->rfind("HTTP/1.1 400 Bad Request\r\n", 0), 0U) << *all;
  EXPECT_NE(all->find("BAD_REQUEST"), std::string::npos);
}

TEST_F(HttpServerTest, MalformedTargetGets400) {
  start();
  RawConnection connection(server_->port());
  connection.send(get("/monitors/%zz"));
  const auto response = connection.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(error_code(response->body), "BAD_REQUEST");
}

TEST_F(HttpServerTest, ThrowingHandlerGets500AndServerKeepsServing) {
  start();
  const auto response = http_request("GET", url("/boom"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(error_code(response.body), "INTERNAL_ERROR");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_EQ(http_request("GET", url("/after")).status, 200);
}

TEST_F(HttpServerTest, SilentAndSlowConnectionsAreClosedAfterReadTimeout) {
  auto options = loopback_options();
  options.read_timeout_s = 1;
  start(options);
  RawConnection silent(server_->port());
  RawConnection slow(server_->port());
  slow.send("GET / HTTP/1.1\r\nHost: te");
  const auto started = Clock::now();
  EXPECT_TRUE(silent.read_until_close(std::chrono::seconds(4)));
  EXPECT_TRUE(slow.read_until_close(std::chrono::seconds(4)));
  EXPECT_GE(Clock::now() - started, std::chrono::milliseconds(800));
}

TEST_F(HttpServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  auto options = loopback_options();
  options.idle_timeout_s = 1;
  start(options);
  RawConnection connection(server_->port());
  connection.send(get("/"));
  ASSERT_TRUE(connection.read_response());
  const auto started = Clock::now();
  EXPECT_TRUE(connection.read_until_close(std::chrono::seconds(4)));
  EXPECT_GE(Clock::now() - started, std::chrono::milliseconds(800));
}

TEST_F(HttpServerTest, ConcurrentClientsAreAllAnswered) {
  start();
  constexpr int kClients = 4;
  constexpr int kRequests = 25;
  std::vector<int> answered(kClients, 0);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kRequests; ++i) {
        const auto path = "/client/" + std::to_string(c) + "/" + std::to_string(i);
        const auto response = http_request("GET", url(path));
        if (response.status == 200 && field(response.body, "path") == path) ++answered[c];
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(answered, std::vector<int>(kClients, kRequests));
}

TEST_F(HttpServerTest, StopClosesIdleConnectionsPromptly) {
  start();
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<RawConnection>(server_->port()));
    idle.back()->send(get("/"));
    ASSERT_TRUE(idle.back()->read_response());
  }
  RawConnection silent(server_->port());
  const auto started = Clock::now();
  server_->stop();
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(2));
  for (auto& connection : idle) EXPECT_TRUE(connection->read_until_close(std::chrono::seconds(1)));
  EXPECT_TRUE(silent.read_until_close(std::chrono::seconds(1)));
  EXPECT_EQ(http_request("GET", url("/")).status, 0);
}

TEST_F(HttpServerTest, PortInUseThrows) {
  start();
  auto options = loopback_options();
  options.port = server_->port();
  HttpServer second(options, echo);
  EXPECT_THROW(second.start(), std::runtime_error);
}

}  // namespace
}  // namespace vigil
