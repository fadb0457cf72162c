#include "http/http_server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
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

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 4096;  // bytes read at once outside the parser
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
constexpr auto kEventKeepAlive = std::chrono::seconds(15);  // comment line to detect dead clients

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

// 1xx, 204 and 304 responses carry neither a body nor a Content-Length.
bool is_bodyless(int status) {
  return status < 200 || status == 204 || status == 304;
}

BeastResponse to_beast(HttpResponse response, unsigned version, bool keep_alive, bool head) {
  BeastResponse out;
  out.version(version);
  out.result(static_cast<unsigned>(response.status));
  out.set(http::field::server, "Vigil");
  if (!response.content_type.empty()) out.set(http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  if (is_bodyless(response.status)) response.body.clear();
  out.body() = std::move(response.body);
  out.prepare_payload();
  // HEAD keeps the Content-Length a GET would have had.
  if (head) out.body().clear();
  return out;
}

}  // namespace

struct HttpServer::Impl {
  Impl(HttpServerOptions options, HttpHandler handler)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        ioc_(static_cast<int>(thread_count(options_.threads))),
        acceptor_(asio::make_strand(ioc_)) {}

  void start() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(options_.address, ec);
    const tcp::endpoint endpoint(address, options_.port);
    if (!ec) acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      beast::error_code ignored;
      acceptor_.close(ignored);
      throw std::runtime_error("cannot listen on " + options_.address + ":" +
                               std::to_string(options_.port) + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
    for (unsigned i = 0; i < thread_count(options_.threads); ++i) {
      threads_.emplace_back([this] { ioc_.run(); });
    }
  }

  // Closing the acceptor and every connection leaves the io_context without work, so run()
  // returns in each thread; a handler still running finishes first.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      for (const auto& [id, weak] : connections_) {
        if (auto stream = weak.lock()) {
          asio::post(stream->get_executor(), [stream] { stream->close(); });
        }
      }
      for (const auto& [id, weak] : event_timers_) {
        if (auto timer = weak.lock()) {
          asio::post(timer->get_executor(), [timer] { timer->cancel(); });
        }
      }
    }
    asio::post(acceptor_.get_executor(), [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
    });
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  asio::awaitable<void> accept_loop() {
    asio::steady_timer retry(acceptor_.get_executor());
    while (acceptor_.is_open()) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kNoThrow);
      if (ec == asio::error::operation_aborted) co_return;
      if (ec) {
        // Typically out of file descriptors: retry shortly instead of spinning.
        retry.expires_after(kAcceptRetryDelay);
        co_await retry.async_wait(kNoThrow);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      if (const auto id = track(stream)) {
        asio::co_spawn(stream->get_executor(), serve(stream),
                       [this, id = *id](const std::exception_ptr&) { untrack(id); });
      }
    }
  }

  // One connection: requests are read, answered and written one after the other, so pipelined
  // requests are answered in order.
  asio::awaitable<void> serve(std::shared_ptr<beast::tcp_stream> stream) {
    beast::error_code ec;
    const std::string remote = stream->socket().remote_endpoint(ec).address().to_string();
    beast::flat_buffer buffer;
    for (bool first = true;; first = false) {
      if (!first && buffer.size() == 0) {
        // Between keep-alive requests the idle timeout applies; once bytes arrive, the read one.
        stream->expires_after(std::chrono::seconds(options_.idle_timeout_s));
        const auto [idle_ec, n] =
            co_await stream->async_read_some(buffer.prepare(kReadChunk), kNoThrow);
        if (idle_ec) co_return;
        buffer.commit(n);
      }

      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      parser.body_limit(options_.body_limit);
      stream->expires_after(std::chrono::seconds(options_.read_timeout_s));
      std::tie(ec, std::ignore) =
          co_await http::async_read_header(*stream, buffer, parser, kNoThrow);
      if (!ec && beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> go_on(http::status::continue_, parser.get().version());
        std::tie(ec, std::ignore) = co_await http::async_write(*stream, go_on, kNoThrow);
      }
      if (!ec) {
        std::tie(ec, std::ignore) = co_await http::async_read(*stream, buffer, parser, kNoThrow);
      }
      if (ec) {
        if (auto failure = read_failure_response(ec)) {
          co_await write_and_close(*stream, to_beast(std::move(*failure), 11, false, false));
        }
        co_return;
      }

      BeastRequest request = parser.release();
      const bool keep_alive = request.keep_alive();
      const bool head = request.method() == http::verb::head;
      const unsigned version = request.version();
      HttpResponse answer = respond(std::move(request), remote);
      if (answer.stream && !head) {
        co_await stream_events(*stream, std::move(answer), version);
        co_return;
      }
      auto response = to_beast(std::move(answer), version, keep_alive, head);
      // A client that does not read its response is bounded like one that does not send.
      stream->expires_after(std::chrono::seconds(options_.read_timeout_s));
      std::tie(ec, std::ignore) = co_await http::async_write(*stream, response, kNoThrow);
      if (ec) co_return;
      if (!keep_alive) {
        stream->socket().shutdown(tcp::socket::shutdown_send, ec);
        co_return;
      }
    }
  }

  // Sends a final error response, then drains what the client is still sending for a moment:
  // closing with unread input makes the kernel reset the connection, which can destroy the
  // response before the client reads it.
  asio::awaitable<void> write_and_close(beast::tcp_stream& stream, BeastResponse response) {
    stream.expires_after(kLingerTime);
    auto [ec, written] = co_await http::async_write(stream, response, kNoThrow);
    if (ec) co_return;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, kReadChunk> discard;
    do {
      std::tie(ec, written) = co_await stream.async_read_some(asio::buffer(discard), kNoThrow);
    } while (!ec);
  }

  // Writes the head of a server-sent-events response, then the stream's events as they come,
  // with a comment line every kEventKeepAlive so a vanished client is noticed. The body has no
  // length: it ends when the stream, the client or the server closes.
  asio::awaitable<void> stream_events(beast::tcp_stream& stream, HttpResponse answer,
                                      unsigned version) {
    http::response<http::empty_body> head{http::status::ok, version};
    head.set(http::field::server, "Vigil");
    head.set(http::field::content_type, "text/event-stream");
    head.set(http::field::cache_control, "no-cache");
    for (const auto& [name, value] : answer.headers) head.insert(name, value);
    head.keep_alive(false);
    http::response_serializer<http::empty_body> serializer{head};
    stream.expires_after(std::chrono::seconds(options_.read_timeout_s));
    auto [ec, ignored] = co_await http::async_write_header(stream, serializer, kNoThrow);
    if (ec) co_return;

    auto events = answer.stream;
    auto wake = std::make_shared<asio::steady_timer>(stream.get_executor());
    const auto id = track_timer(wake);
    events->set_waker([weak = std::weak_ptr(wake), executor = stream.get_executor()] {
      asio::post(executor, [weak] {
        if (auto timer = weak.lock()) timer->cancel();
      });
    });
    std::string bytes = ": connected\n\n";
    while (!ec) {
      bytes += events->take();
      if (!bytes.empty()) {
        stream.expires_after(std::chrono::seconds(options_.read_timeout_s));
        std::tie(ec, std::ignore) =
            co_await asio::async_write(stream, asio::buffer(bytes), kNoThrow);
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
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
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

  std::optional<std::uint64_t> track(const std::shared_ptr<beast::tcp_stream>& stream) {
    std::lock_guard lock(mutex_);
    if (stopping_) return std::nullopt;
    connections_.emplace(next_id_, stream);
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
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
  std::mutex mutex_;
  bool stopping_ = false;
  std::uint64_t next_id_ = 0;
  std::unordered_map<std::uint64_t, std::weak_ptr<beast::tcp_stream>> connections_;
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
