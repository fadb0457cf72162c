#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>

#include "http_client.hpp"
#include "temp_dir.hpp"
#include "vigil_process.hpp"

namespace vigil::testing {

//! The current Unix time in seconds.
std::int64_t now_s();

//! Polls `done` every 100 ms for up to `limit`; true when it became true.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

//! A running `vigil serve` on a temporary data dir with an API key, for tests that talk HTTP.
class RunningVigil {
 public:
  //! Creates an API key, then starts the server with `config_yaml` (empty: no config file) and
  //! the environment variables `env` added to the test's own (on every start).
  explicit RunningVigil(const std::string& config_yaml = "",
                        std::map<std::string, std::string> env = {});
  ~RunningVigil();

  //! http://127.0.0.1:<port>
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  //! The port it listens on.
  std::uint16_t port() const { return static_cast<std::uint16_t>(port_); }
  //! A request with the API key.
  ClientResponse api(const std::string& method, const std::string& path,
                     const std::string& body = "") const;
  //! Creates a manual (NONE) monitor for each tag through the API; a failure fails the test.
  void add_manual_monitors(std::initializer_list<const char*> tags) const;
  //! Stops the server with SIGTERM; returns its exit code.
  int stop();
  //! Starts the server again on the same data dir.
  void restart();
  //! The data directory.
  const TempDir& dir() const { return dir_; }
  //! The server's log so far.
  std::string log() const { return process_ ? process_->output() : ""; }
  //! The API key.
  const std::string& key() const { return key_; }

 private:
  void start();

  TempDir dir_;
  std::string config_path_;
  std::map<std::string, std::string> env_;
  std::string key_;
  int port_ = 0;
  int starts_ = 0;
  std::unique_ptr<VigilProcess> process_;
};

}  // namespace vigil::testing
