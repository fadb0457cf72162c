#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>

namespace vigil::testing {

//! A TCP server on 127.0.0.1 (port 0) that serves connections one at a time: after each read it
//! asks `answer` about everything received on the connection so far; a string is written back
//! and the connection closed, nullopt waits for more (forever, for a silent server).
class GameTcpResponder {
 public:
  //! Maps the bytes received so far to the reply, or nullopt to keep reading.
  using Answer = std::function<std::optional<std::string>(const std::string& received)>;

  explicit GameTcpResponder(Answer answer);
  ~GameTcpResponder();
  GameTcpResponder(const GameTcpResponder&) = delete;
  GameTcpResponder& operator=(const GameTcpResponder&) = delete;

  //! The listening port.
  int port() const { return port_; }

 private:
  void serve();
  void converse(int client);

  Answer answer_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace vigil::testing
