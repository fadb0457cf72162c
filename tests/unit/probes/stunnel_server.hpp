#pragma once

#include <memory>

#include "child_process.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {

//! stunnel4 on 127.0.0.1 and a free port, ending TLS with a fresh self-signed certificate (for
//! 127.0.0.1 and localhost) and forwarding the plain stream to a local TCP port.
class StunnelServer {
 public:
  //! Starts stunnel in front of 127.0.0.1:`backend_port` and waits until it is configured.
  explicit StunnelServer(int backend_port);

  //! The TLS port.
  int port() const { return port_; }

 private:
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace vigil::testing
