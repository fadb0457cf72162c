#include "dnsmasq_server.hpp"

#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::testing {
namespace {

// dnsmasq drops privileges to a user named on its command line: stay the current one.
std::string user_name() {
  const passwd* entry = getpwuid(getuid());
  return entry != nullptr ? entry->pw_name : "nobody";
}

}  // namespace

DnsmasqServer::DnsmasqServer(const std::vector<std::string>& records, const std::string& listen)
    : listen_(listen) {
  // A port free for TCP (the kernel skips ports held in TIME_WAIT) is nearly always free for UDP.
  process_ = start_on_free_port(
      SOCK_STREAM,
      [&](int port) {
        std::vector<std::string> args{"dnsmasq",
                                      "--keep-in-foreground",
                                      "--conf-file=/dev/null",
                                      "--no-resolv",
                                      "--no-hosts",
                                      "--no-poll",
                                      "--log-facility=-",
                                      "--user=" + user_name(),
                                      "--listen-address=" + listen_,
                                      "--bind-interfaces",
                                      "--port=" + std::to_string(port),
                                      "--pid-file=" + dir_.file("dnsmasq.pid"),
                                      "--dhcp-leasefile=" + dir_.file("dnsmasq.leases")};
        args.insert(args.end(), records.begin(), records.end());
        return std::make_unique<ChildProcess>(std::move(args), "started");
      },
      port_);
}

std::string DnsmasqServer::address() const {
  bool ipv6 = listen_.find(':') != std::string::npos;
  return (ipv6 ? "[" + listen_ + "]" : listen_) + ":" + std::to_string(port_);
}

}  // namespace vigil::testing
