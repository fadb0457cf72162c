#include "stunnel_server.hpp"

#include <sys/socket.h>

#include <fstream>

#include "fixture_server.hpp"

namespace vigil::testing {

StunnelServer::StunnelServer(int backend_port) {
  make_self_signed_certificate(dir_.file("cert.pem"), dir_.file("key.pem"));
  process_ = start_on_free_port(
      SOCK_STREAM,
      [&](int port) {
        std::ofstream(dir_.file("stunnel.conf"))
            << "foreground = yes\npid =\n[dot]\naccept = 127.0.0.1:" << port
            << "\nconnect = 127.0.0.1:" << backend_port << "\ncert = " << dir_.file("cert.pem")
            << "\nkey = " << dir_.file("key.pem") << "\n";
        return std::make_unique<ChildProcess>(
            std::vector<std::string>{"stunnel4", dir_.file("stunnel.conf")},
            "Configuration successful");
      },
      port_);
}

}  // namespace vigil::testing
