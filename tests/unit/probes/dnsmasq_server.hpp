#pragma once

#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {

//! dnsmasq run as a child process on a loopback address and a free port (UDP and TCP), serving
//! only the records given as its options (e.g. "--host-record=a.test,10.0.0.1"); stopped on
//! destruction.
class DnsmasqServer {
 public:
  //! Starts dnsmasq on `listen` (127.0.0.1 or ::1) and waits (at most 10 s) until it serves.
  explicit DnsmasqServer(const std::vector<std::string>& records,
                         const std::string& listen = "127.0.0.1");

  //! The port it answers on.
  int port() const { return port_; }
  //! "127.0.0.1:<port>" or "[::1]:<port>", a nameServer value.
  std::string address() const;

 private:
  TempDir dir_;
  std::string listen_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace vigil::testing
