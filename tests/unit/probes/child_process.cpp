#include "child_process.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "loopback_socket.hpp"

extern char** environ;

namespace vigil::testing {
namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kPortAttempts = 10;

// Reads `fd` until `ready` appears; false when the writer exits or stays silent too long.
bool wait_for(int fd, const std::string& ready, std::string& output) {
  while (output.find(ready) == std::string::npos) {
    pollfd readable{fd, POLLIN, 0};
    char buffer[512];
    if (poll(&readable, 1, kStartTimeoutMs) <= 0) return false;
    ssize_t got = read(fd, buffer, sizeof buffer);
    if (got <= 0) return false;
    output.append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> args, const std::string& ready) {
  int output[2];
  if (pipe(output) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, output[0]);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int spawned = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(output[1]);
  output_fd_ = output[0];
  if (spawned != 0) pid_ = -1;
  std::string seen;
  if (spawned != 0 || !wait_for(output_fd_, ready, seen)) {
    stop();
    throw std::runtime_error(args[0] + " did not start: " + seen);
  }
}

ChildProcess::~ChildProcess() {
  stop();
}

void ChildProcess::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  if (output_fd_ >= 0) close(output_fd_);
  output_fd_ = -1;
}

std::unique_ptr<ChildProcess> start_on_free_port(
    int type, const std::function<std::unique_ptr<ChildProcess>(int port)>& start, int& port) {
  for (int attempt = 1;; ++attempt) {
    port = closed_loopback_port(type);
    try {
      return start(port);
    } catch (const std::runtime_error&) {
      if (attempt == kPortAttempts) throw;
    }
  }
}

}  // namespace vigil::testing
