#include "fixture_server.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace vigil::testing {
namespace {

constexpr int kStartTimeoutMs = 10000;

// Reads the first line the child prints (its port), waiting at most kStartTimeoutMs.
std::string read_first_line(int fd) {
  std::string line;
  char c = 0;
  while (line.empty() || line.back() != '\n') {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, kStartTimeoutMs) <= 0 || read(fd, &c, 1) != 1) break;
    line += c;
  }
  return line;
}

}  // namespace

FixtureServer::FixtureServer(const std::string& cert_file, const std::string& key_file)
    : FixtureServer(cert_file.empty() ? std::vector<std::string>{"python3", VIGIL_FIXTURE_SERVER}
                                      : std::vector<std::string>{"python3", VIGIL_FIXTURE_SERVER,
                                                                 "--tls", cert_file, key_file},
                    !cert_file.empty()) {}

FixtureServer::FixtureServer(std::vector<std::string> command, bool tls) : tls_(tls) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<char*> argv;
  for (auto& arg : command) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int spawned = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string line = spawned == 0 ? read_first_line(out[0]) : "";
  close(out[0]);
  port_ = std::atoi(line.c_str());
  if (port_ <= 0) {
    stop();
    throw std::runtime_error("fixture server did not start");
  }
}

FixtureServer::~FixtureServer() {
  stop();
}

void FixtureServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string FixtureServer::url(const std::string& path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
}

void make_self_signed_certificate(const std::string& cert_file, const std::string& key_file) {
  std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
      " -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
      key_file + "' -out '" + cert_file + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
}

}  // namespace vigil::testing
