#include "probes/sql/driver_socket.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace vigil {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

//! The Asio objects behind a DriverSocket.
struct DriverSocket::Parts {
  explicit Parts(asio::io_context& io) : resolver(io), descriptor(io), deadline(io), pause(io) {}

  void release() {
    if (descriptor.is_open()) descriptor.release();
  }

  asio::ip::tcp::resolver resolver;
  asio::posix::stream_descriptor descriptor;
  asio::steady_timer deadline;
  asio::steady_timer pause;
  SteadyClock::time_point started = SteadyClock::now();
};

DriverSocket::DriverSocket(asio::io_context& io) : parts_(std::make_unique<Parts>(io)) {}

DriverSocket::~DriverSocket() {
  stop();
}

void DriverSocket::start_deadline(long timeout_ms, std::function<void()> expired) {
  parts_->deadline.expires_after(std::chrono::milliseconds(timeout_ms));
  parts_->deadline.async_wait([expired = std::move(expired)](boost::system::error_code ec) {
    if (!ec) expired();
  });
}

bool DriverSocket::needs_resolving(const std::string& host) {
  if (host.empty() || host.front() == '/' || host.find(',') != std::string::npos) return false;
  boost::system::error_code literal;
  asio::ip::make_address(host, literal);
  return static_cast<bool>(literal);
}

void DriverSocket::resolve(const std::string& host, Resolved resolved) {
  parts_->resolver.async_resolve(
      host, "",
      [resolved = std::move(resolved)](boost::system::error_code ec,
                                       const asio::ip::tcp::resolver::results_type& found) {
        if (ec == asio::error::operation_aborted) return;
        if (ec || found.empty()) {
          resolved("cannot resolve: " + (ec ? ec.message() : std::string("no address")), "");
          return;
        }
        resolved("", found.begin()->endpoint().address().to_string());
      });
}

void DriverSocket::wait(int fd, bool writable, Ready ready) {
  parts_->release();
  if (fd < 0) {
    ready("the driver has no connection socket");
    return;
  }
  boost::system::error_code ec;
  parts_->descriptor.assign(fd, ec);
  if (ec) {
    ready("cannot watch the connection socket: " + ec.message());
    return;
  }
  parts_->descriptor.async_wait(
      writable ? asio::posix::descriptor_base::wait_write : asio::posix::descriptor_base::wait_read,
      [ready = std::move(ready)](boost::system::error_code ec) {
        if (ec == asio::error::operation_aborted) return;
        ready(ec ? ec.message() : std::string());
      });
}

void DriverSocket::sleep(long delay_ms, Ready ready) {
  parts_->pause.expires_after(std::chrono::milliseconds(delay_ms));
  parts_->pause.async_wait([ready = std::move(ready)](boost::system::error_code ec) {
    if (ec == asio::error::operation_aborted) return;
    ready(ec ? ec.message() : std::string());
  });
}

void DriverSocket::stop() {
  parts_->deadline.cancel();
  parts_->pause.cancel();
  parts_->resolver.cancel();
  parts_->release();
}

double DriverSocket::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - parts_->started).count();
}

}  // namespace vigil
