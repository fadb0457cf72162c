#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/http_message.hpp"

namespace vigil {

//! Limits and addresses of the HTTP server.
struct HttpServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 3000;            //!< 0 picks a free port
  unsigned threads = 0;                 //!< 0 = one per core
  std::size_t body_limit = 1 << 20;     //!< larger bodies get 413
  std::size_t header_limit = 16 << 10;  //!< larger headers get 431
  unsigned read_timeout_s = 30;         //!< a request must arrive within this
  unsigned idle_timeout_s = 60;         //!< keep-alive connections idle longer are closed
};

//! Answers a request; must be thread-safe (called from several threads).
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

//! A Boost.Beast HTTP/1.1 server with keep-alive, running its own threads.
class HttpServer {
 public:
  HttpServer(HttpServerOptions options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  //! Binds and starts the threads; throws std::runtime_error when it cannot bind.
  void start();
  //! The bound port (useful with port 0).
  std::uint16_t port() const;
  //! Stops accepting, closes connections and joins the threads.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil
