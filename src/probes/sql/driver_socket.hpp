#pragma once

#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace vigil {

//! The event-loop side of a database driver's non-blocking API: waits for the driver's socket
//! to become ready, runs the check's deadline, and never closes the socket (the driver owns it).
class DriverSocket {
 public:
  //! Called when a wait ends: an empty string when ready, else why the wait failed.
  using Ready = std::function<void(const std::string& error)>;
  //! Called when a name is resolved: an error, or an empty error and the first address.
  using Resolved = std::function<void(const std::string& error, const std::string& address)>;

  //! True when `host` must be resolved first: a name, not an IP literal, a path or empty.
  static bool needs_resolving(const std::string& host);

  //! A socket helper on `io`; the clock for elapsed_ms() starts now.
  explicit DriverSocket(boost::asio::io_context& io);
  ~DriverSocket();
  DriverSocket(const DriverSocket&) = delete;
  DriverSocket& operator=(const DriverSocket&) = delete;

  //! Calls `expired` once, `timeout_ms` from now, unless stop() comes first.
  void start_deadline(long timeout_ms, std::function<void()> expired);
  //! Resolves `host` without blocking the loop (drivers would call getaddrinfo on it).
  void resolve(const std::string& host, Resolved resolved);
  //! Waits until descriptor `fd` is writable (or readable), then calls `ready`. The driver
  //! may have replaced its socket since the last wait, so `fd` is registered afresh each time.
  void wait(int fd, bool writable, Ready ready);
  //! Calls `ready` after `delay_ms` (a driver's own timer).
  void sleep(long delay_ms, Ready ready);
  //! Cancels the deadline and any wait, and lets go of the descriptor without closing it.
  void stop();
  //! Milliseconds since construction.
  double elapsed_ms() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace vigil
