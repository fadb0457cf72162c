#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::testing {

//! One HTTP response as read off a raw connection.
struct RawResponse {
  int status = 0;
  std::string head;  //!< status line and headers, as sent
  std::string body;
};

//! A blocking loopback TCP connection for tests that need exact bytes on the wire.
class RawConnection {
 public:
  //! Connects to 127.0.0.1:port; throws std::runtime_error on failure.
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  //! Sends all the bytes.
  void send(std::string_view bytes);
  //! Reads one response (no body for HEAD); nullopt when the connection closes or time runs out.
  std::optional<RawResponse> read_response(bool head = false,
                                           std::chrono::milliseconds timeout = kTimeout);
  //! Reads until `needle` arrived (consuming up to it); false on close or timeout.
  bool read_until(std::string_view needle, std::chrono::milliseconds timeout = kTimeout);
  //! Everything up to the server's close; nullopt when it is still open after the timeout.
  std::optional<std::string> read_until_close(std::chrono::milliseconds timeout = kTimeout);

 private:
  static constexpr std::chrono::milliseconds kTimeout{5000};

  // Appends what arrives before the deadline to buffer_; false on close, error or timeout.
  bool receive(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;
};

}  // namespace vigil::testing
