#pragma once

#include <atomic>
#include <thread>

namespace vigil::testing {

//! A TCP listener on 127.0.0.1 that accepts, counts and closes every connection.
class CountingListener {
 public:
  CountingListener();
  ~CountingListener();

  //! The bound port.
  int port() const { return port_; }
  //! Connections accepted so far.
  long accepted() const { return accepted_.load(); }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<long> accepted_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace vigil::testing
