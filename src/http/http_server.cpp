#include "http/http_server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/ascii_case.hpp"
#include "http/event_stream.hpp"
#include "http/request_target.hpp"
#include "http/response_head.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 4096;  // bytes read at once outside the parser
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
constexpr auto kEventKeepAlive = std::chrono::seconds(15);  // comment line to detect dead clients
constexpr auto kWatchdogStep = std::chrono::seconds(1);     // how soon a new deadline is noticed
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

unsigned thread_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
}

std::string to_string(beast::string_view text) {
  return {text.data(), text.size()};
}

std::string lower_case(beast::string_view text) {
  return to_lower(std::string_view(text.data(), text.size()));
}

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == make_error_code(http::error::bad_method).category();
}

// The answer to a request that could not be read, or nullopt when the connection just closes
// (peer gone, timeout, end of stream).
std::optional<HttpResponse> read_failure_response(const beast::error_code& ec) {
  if (ec == http::error::body_limit) {
    return HttpResponse::error(413, "PAYLOAD_TOO_LARGE", "Request body is too large");
  }
  if (ec == http::error::header_limit) {
    return HttpResponse::error(431, "HEADERS_TOO_LARGE", "Request headers are too large");
  }
  if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
      !is_parse_error(ec)) {
    return std::nullopt;
  }
  return HttpResponse::error(400, "BAD_REQUEST", "Malformed HTTP request");
}

HttpResponse internal_error() {
  return HttpResponse::error(500, "INTERNAL_ERROR", "Internal server error");
}

// One accepted connection: its socket, and the deadline its watchdog enforces by closing the
// socket, which ends whatever read or write is pending. Keeping the deadline a plain value makes
// setting it per request free; the watchdog notices a change within kWatchdogStep.
struct Connection {
  explicit Connection(tcp::socket accepted)
      : socket(std::move(accepted)), watchdog(socket.get_executor()) {}

  void expires_after(std::chrono::seconds timeout) { deadline = Clock::now() + timeout; }
  void never_expires() { deadline = Clock::time_point::max(); }
  void close() {
    beast::error_code ignored;
    socket.close(ignored);
    watchdog.cancel();
  }

  using Clock = std::chrono::steady_clock;
  tcp::socket socket;
  asio::steady_timer watchdog;
  Clock::time_point deadline = Clock::time_point::max();
};

}  // namespace

struct HttpServer::Impl {
  Impl(HttpServerOptions options, HttpHandler handler)
      : options_(std::move(options)), handler_(std::move(handler)) {
    // One single-threaded io_context per thread: a connection lives on one of them, so its
    // handlers never race and need no strand.
    for (unsigned i = 0; i < thread_count(options_.threads); ++i) {
      contexts_.push_back(std::make_unique<asio::io_context>(1));
      work_.push_back(asio::make_work_guard(*contexts_.back()));
    }
    acceptor_.emplace(*contexts_.front());
  }

  void start() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(options_.address, ec);
    const tcp::endpoint endpoint(address, options_.port);
    if (!ec) acceptor_->open(endpoint.protocol(), ec);
    if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_->bind(endpoint, ec);
    if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      beast::error_code ignored;
      acceptor_->close(ignored);
      throw std::runtime_error("cannot listen on " + options_.address + ":" +
                               std::to_string(options_.port) + ": " + ec.message());
    }
    port_ = acceptor_->local_endpoint().port();
    asio::co_spawn(acceptor_->get_executor(), accept_loop(), asio::detached);
    for (auto& context : contexts_) {
      threads_.emplace_back([&context] { context->run(); });
    }
  }

  // Closing the acceptor and every connection and releasing the work guards leaves each
  // io_context without work, so run() returns in each thread; a handler still running finishes
  // first.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      for (const auto& [id, weak] : connections_) {
        if (auto connection = weak.lock()) {
          asio::post(connection->socket.get_executor(), [connection] { connection->close(); });
        }
      }
      for (const auto& [id, weak] : event_timers_) {
        if (auto timer = weak.lock()) {
          asio::post(timer->get_executor(), [timer] { timer->cancel(); });
        }
      }
    }
    asio::post(acceptor_->get_executor(), [this] {
      beast::error_code ignored;
      acceptor_->close(ignored);
    });
    for (auto& guard : work_) guard.reset();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  // Accepts connections and hands them to the io_contexts in turn.
  asio::awaitable<void> accept_loop() {
    asio::steady_timer retry(acceptor_->get_executor());
    for (std::size_t turn = 0; acceptor_->is_open(); ++turn) {
      auto& context = *contexts_[turn % contexts_.size()];
      auto [ec, socket] = co_await acceptor_->async_accept(context, kNoThrow);
      if (ec == asio::error::operation_aborted) co_return;
      if (ec) {
        // Typically out of file descriptors: retry shortly instead of spinning.
        retry.expires_after(kAcceptRetryDelay);
        co_await retry.async_wait(kNoThrow);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto connection = std::make_shared<Connection>(std::move(socket));
      if (const auto id = track(connection)) {
        const auto executor = connection->socket.get_executor();
        asio::co_spawn(executor, watch(connection), asio::detached);
        asio::co_spawn(executor, serve(connection),
                       [this, id = *id](const std::exception_ptr&) { untrack(id); });
      }
    }
  }

  // Closes the connection once its deadline has passed; ends when the connection closes.
  static asio::awaitable<void> watch(std::shared_ptr<Connection> connection) {
    while (connection->socket.is_open()) {
      const auto now = Connection::Clock::now();
      if (connection->deadline <= now) {
        connection->close();
        co_return;
      }
      connection->watchdog.expires_at(std::min(connection->deadline, now + kWatchdogStep));
      co_await connection->watchdog.async_wait(kNoThrow);
    }
  }

  // One connection: requests are read, answered and written one after the other, so pipelined
  // requests are answered in order.
  asio::awaitable<void> serve(std::shared_ptr<Connection> connection) {
    auto& socket = connection->socket;
    beast::error_code ec;
    const std::string remote = socket.remote_endpoint(ec).address().to_string();
    beast::flat_buffer buffer;
    for (bool first = true;; first = false) {
      if (!first && buffer.size() == 0) {
        // Between keep-alive requests the idle timeout applies; once bytes arrive, the read one.
        connection->expires_after(std::chrono::seconds(options_.idle_timeout_s));
        const auto [idle_ec, n] =
            co_await socket.async_read_some(buffer.prepare(kReadChunk), kNoThrow);
        if (idle_ec) break;
        buffer.commit(n);
      }

      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      parser.body_limit(options_.body_limit);
      connection->expires_after(std::chrono::seconds(options_.read_timeout_s));
      std::tie(ec, std::ignore) =
          co_await http::async_read_header(socket, buffer, parser, kNoThrow);
      if (!ec && beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        std::tie(ec, std::ignore) =
            co_await asio::async_write(socket, asio::buffer(kContinue), kNoThrow);
      }
      if (!ec && !parser.is_done()) {
        std::tie(ec, std::ignore) = co_await http::async_read(socket, buffer, parser, kNoThrow);
      }
      if (ec) {
        if (auto failure = read_failure_response(ec)) {
          co_await write_and_close(*connection, std::move(*failure));
        }
        break;
      }

      BeastRequest request = parser.release();
      const bool keep_alive = request.keep_alive();
      const bool head = request.method() == http::verb::head;
      const unsigned version = request.version();
      HttpResponse answer = respond(std::move(request), remote);
      if (answer.stream && !head) {
        co_await stream_events(*connection, std::move(answer), version);
        break;
      }
      // A client that does not read its response is bounded like one that does not send.
      connection->expires_after(std::chrono::seconds(options_.read_timeout_s));
      ec = co_await write_response(socket, answer, version, keep_alive, head);
      if (ec) break;
      if (!keep_alive) {
        socket.shutdown(tcp::socket::shutdown_send, ec);
        break;
      }
    }
    connection->close();
  }

  // Writes head and body (HEAD: the head only, with the Content-Length a GET would have had).
  static asio::awaitable<beast::error_code> write_response(tcp::socket& socket,
                                                           const HttpResponse& answer,
                                                           unsigned version, bool keep_alive,
                                                           bool head) {
    const std::string head_bytes = response_head(answer, version, keep_alive, answer.body.size());
    const bool with_body = !head && !is_bodyless(answer.status);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head_bytes), with_body ? asio::buffer(answer.body) : asio::const_buffer()};
    auto [ec, written] = co_await asio::async_write(socket, buffers, kNoThrow);
    co_return ec;
  }

  // Sends a final error response, then drains what the client is still sending for a moment:
  // closing with unread input makes the kernel reset the connection, which can destroy the
  // response before the client reads it.
  static asio::awaitable<void> write_and_close(Connection& connection, HttpResponse failure) {
    connection.expires_after(kLingerTime);
    auto ec = co_await write_response(connection.socket, failure, 11, false, false);
    if (ec) co_return;
    connection.socket.shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, kReadChunk> discard;
    std::size_t ignored = 0;
    do {
      std::tie(ec, ignored) =
          co_await connection.socket.async_read_some(asio::buffer(discard), kNoThrow);
    } while (!ec);
  }

  // Writes the head of a server-sent-events response, then the stream's events as they come,
  // with a comment line every kEventKeepAlive so a vanished client is noticed. The body has no
  // length: it ends when the stream, the client or the server closes.
  asio::awaitable<void> stream_events(Connection& connection, HttpResponse answer,
                                      unsigned version) {
    answer.status = 200;
    answer.content_type = "text/event-stream";
    answer.headers.emplace(answer.headers.begin(), "Cache-Control", "no-cache");
    auto& socket = connection.socket;
    std::string bytes = response_head(answer, version, false, std::nullopt);
    bytes += ": connected\n\n";

    auto events = answer.stream;
    auto wake = std::make_shared<asio::steady_timer>(socket.get_executor());
    const auto id = track_timer(wake);
    events->set_waker([weak = std::weak_ptr(wake), executor = socket.get_executor()] {
      asio::post(executor, [weak] {
        if (auto timer = weak.lock()) timer->cancel();
      });
    });
    beast::error_code ec;
    while (!ec) {
      bytes += events->take();
      if (!bytes.empty()) {
        connection.expires_after(std::chrono::seconds(options_.read_timeout_s));
        std::tie(ec, std::ignore) =
            co_await asio::async_write(socket, asio::buffer(bytes), kNoThrow);
        connection.never_expires();
        bytes.clear();
      }
      if (ec || !events->open() || is_stopping()) break;
      wake->expires_after(kEventKeepAlive);
      auto [wait_ec] = co_await wake->async_wait(kNoThrow);
      if (!wait_ec) bytes = ": keep-alive\n\n";
    }
    events->set_waker({});
    events->close();
    untrack_timer(id);
    socket.shutdown(tcp::socket::shutdown_send, ec);
  }

  HttpResponse respond(BeastRequest beast_request, const std::string& remote) {
    HttpRequest request;
    request.method = to_string(beast_request.method_string());
    request.target = to_string(beast_request.target());
    if (!parse_request_target(request.target, request)) {
      return HttpResponse::error(400, "BAD_REQUEST", "Malformed request target");
    }
    for (const auto& field : beast_request) {
      auto [it, inserted] = request.headers.try_emplace(lower_case(field.name_string()));
      if (!inserted) it->second += ", ";
      it->second.append(field.value().data(), field.value().size());
    }
    request.body = std::move(beast_request.body());
    request.remote_address = remote;
    try {
      auto response = handler_(request);
      if (response.status >= 200 && response.status <= 599) return response;
      spdlog::error("handler for {} {} returned status {}", request.method, request.path,
                    response.status);
    } catch (const std::exception& e) {
      spdlog::error("handler for {} {} threw: {}", request.method, request.path, e.what());
    } catch (...) {
      spdlog::error("handler for {} {} threw a non-exception", request.method, request.path);
    }
    return internal_error();
  }

  std::optional<std::uint64_t> track(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex_);
    if (stopping_) return std::nullopt;
    connections_.emplace(next_id_, connection);
    return next_id_++;
  }

  void untrack(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    connections_.erase(id);
  }

  std::uint64_t track_timer(const std::shared_ptr<asio::steady_timer>& timer) {
    std::lock_guard lock(mutex_);
    event_timers_.emplace(next_id_, timer);
    return next_id_++;
  }

  void untrack_timer(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    event_timers_.erase(id);
  }

  bool is_stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  HttpServerOptions options_;
  HttpHandler handler_;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::optional<tcp::acceptor> acceptor_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
  std::mutex mutex_;
  bool stopping_ = false;
  std::uint64_t next_id_ = 0;
  std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
  std::unordered_map<std::uint64_t, std::weak_ptr<asio::steady_timer>> event_timers_;
};

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::start() {
  impl_->start();
}

std::uint16_t HttpServer::port() const {
  return impl_->port_;
}

void HttpServer::stop() {
  impl_->stop();
}

}  // namespace vigil
