#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vigil::testing {

//! A server program run as a child process; ready once its output (stdout and stderr) contains
//! a marker; stopped with SIGTERM and reaped on destruction.
class ChildProcess {
 public:
  //! Runs `args` (args[0] looked up on PATH) and waits at most 10 s for `ready` in its output;
  //! throws with that output when it exits or stays silent.
  ChildProcess(std::vector<std::string> args, const std::string& ready);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

 private:
  void stop();

  pid_t pid_ = -1;
  int output_fd_ = -1;  // kept open so the child never writes into a closed pipe
};

//! Starts a server on a free loopback port of `type` (SOCK_STREAM or SOCK_DGRAM), retrying on
//! another port when it fails to start (another process may take the port meanwhile); stores
//! the port. Throws the last failure after a few attempts.
std::unique_ptr<ChildProcess> start_on_free_port(
    int type, const std::function<std::unique_ptr<ChildProcess>(int port)>& start, int& port);

}  // namespace vigil::testing
