#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace vigil::testing {

//! tests/support/http_fixture_server.py run as a child process on a free loopback port.
class FixtureServer {
 public:
  //! Starts plain HTTP, or HTTPS with the given certificate and key files.
  explicit FixtureServer(const std::string& cert_file = "", const std::string& key_file = "");
  //! Starts any server `command` (argv) that prints its loopback port on its first line.
  FixtureServer(std::vector<std::string> command, bool tls);
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  //! The port it listens on (127.0.0.1).
  int port() const { return port_; }
  //! "http(s)://127.0.0.1:<port><path>".
  std::string url(const std::string& path) const;

 private:
  void stop();

  pid_t pid_ = -1;
  int port_ = 0;
  bool tls_ = false;
};

//! Writes a fresh self-signed certificate for 127.0.0.1/localhost and its key (openssl CLI).
void make_self_signed_certificate(const std::string& cert_file, const std::string& key_file);

}  // namespace vigil::testing
