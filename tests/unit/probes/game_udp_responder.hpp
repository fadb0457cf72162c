#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigil::testing {

//! A UDP server on 127.0.0.1 (port 0) whose `answer` turns each request datagram into the
//! datagrams sent back (none: stays silent). Runs on its own thread until destroyed.
class GameUdpResponder {
 public:
  //! Maps one request to its replies.
  using Answer = std::function<std::vector<std::string>(const std::string& request)>;

  explicit GameUdpResponder(Answer answer);
  ~GameUdpResponder();
  GameUdpResponder(const GameUdpResponder&) = delete;
  GameUdpResponder& operator=(const GameUdpResponder&) = delete;

  //! The bound port.
  int port() const { return port_; }
  //! Every request received so far, in order.
  std::vector<std::string> requests() const;

 private:
  void serve();

  Answer answer_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

}  // namespace vigil::testing
