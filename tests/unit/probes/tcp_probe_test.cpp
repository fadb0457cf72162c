#include "probes/tcp/tcp_probe.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <vector>

#include "probe_harness.hpp"

namespace vigil {
namespace {

using testing::ProbeHarness;

// A loopback listener that never accepts; with `fill_backlog` its accept queue is filled first,
// so the kernel drops further SYNs and a new connect hangs until the client gives up.
class Listener {
 public:
  explicit Listener(int family = AF_INET, bool fill_backlog = false) {
    fd_ = socket(family, SOCK_STREAM, 0);
    sockaddr_storage address{};
    socklen_t length = 0;
    if (family == AF_INET) {
      auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
      v4->sin_family = AF_INET;
      v4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      length = sizeof(sockaddr_in);
    } else {
      auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
      v6->sin6_family = AF_INET6;
      v6->sin6_addr = in6addr_loopback;
      length = sizeof(sockaddr_in6);
    }
    ok_ = fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
          listen(fd_, 0) == 0 &&
          getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    port_ = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in*>(&address)->sin_port
                                    : reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    if (ok_ && fill_backlog) fill(address, length);
  }
  ~Listener() {
    for (int fd : clients_) close(fd);
    if (fd_ >= 0) close(fd_);
  }

  bool ok() const { return ok_; }
  int port() const { return port_; }

 private:
  // Connects until a connection no longer completes within 200 ms (the queue is full).
  void fill(const sockaddr_storage& address, socklen_t length) {
    for (int i = 0; i < 16; ++i) {
      int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
      connect(fd, reinterpret_cast<const sockaddr*>(&address), length);
      pollfd ready{fd, POLLOUT, 0};
      if (poll(&ready, 1, 200) <= 0) {
        close(fd);
        return;
      }
      clients_.push_back(fd);
    }
    ok_ = false;  // the kernel kept accepting; a hanging connect cannot be arranged
  }

  int fd_ = -1;
  int port_ = 0;
  bool ok_ = false;
  std::vector<int> clients_;
};

// A port on 127.0.0.1 with nothing listening: bound, then released.
int closed_port() {
  Listener listener;
  return listener.port();
}

std::string host_json(const std::string& host, int port, int timeout_ms = 1000,
                      const std::string& type = "IP4") {
  return R"({"type":")" + type + R"(","host":")" + host + R"(","port":)" + std::to_string(port) +
         R"(,"timeout":)" + std::to_string(timeout_ms) + "}";
}

CheckResult check(const std::string& hosts) {
  auto settings = TcpProbe::parse(R"({"hosts":[)" + hosts + "]}");
  EXPECT_TRUE(settings.ok()) << settings.error().message;
  if (!settings) return {};
  TcpProbe probe(*settings);
  ProbeHarness harness;
  return harness.run(probe);
}

TEST(TcpProbeTest, ListeningPortIsUp) {
  Listener listener;
  ASSERT_TRUE(listener.ok());
  auto result = check(host_json("127.0.0.1", listener.port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_LT(result.latency_ms, 1000);
}

TEST(TcpProbeTest, ClosedPortIsDownWithRefusedAndNamesTheHost) {
  int port = closed_port();
  auto result = check(host_json("127.0.0.1", port));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused);
  EXPECT_NE(result.error_message.find("127.0.0.1:" + std::to_string(port)), std::string::npos)
      << result.error_message;
}

TEST(TcpProbeTest, HangingConnectIsDownWithTimeoutAfterTheHostTimeout) {
  Listener listener(AF_INET, true);
  ASSERT_TRUE(listener.ok()) << "could not fill a listen backlog on loopback";
  auto result = check(host_json("127.0.0.1", listener.port(), 300));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(result.latency_ms, 290);
  EXPECT_LT(result.latency_ms, 1500);
}

TEST(TcpProbeTest, AllHostsMustBeOpenAndTheFirstFailureIsReported) {
  Listener open;
  int port = closed_port();
  auto result = check(host_json("127.0.0.1", open.port()) + "," + host_json("127.0.0.1", port));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused);
  EXPECT_NE(result.error_message.find(std::to_string(port)), std::string::npos);
}

TEST(TcpProbeTest, LatencyIsTheMeanOverHosts) {
  Listener open;
  Listener hanging(AF_INET, true);
  ASSERT_TRUE(hanging.ok()) << "could not fill a listen backlog on loopback";
  // One host answers at once, the other times out at 400 ms: the mean is about 200 ms.
  auto result = check(host_json("127.0.0.1", open.port()) + "," +
                      host_json("127.0.0.1", hanging.port(), 400));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(result.latency_ms, 195);
  EXPECT_LT(result.latency_ms, 700);
}

TEST(TcpProbeTest, NamesAreResolved) {
  Listener listener;
  auto result = check(host_json("localhost", listener.port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST(TcpProbeTest, Ipv6LoopbackIsUp) {
  Listener listener(AF_INET6);
  ASSERT_TRUE(listener.ok()) << "no IPv6 loopback (::1) on this machine";
  auto result = check(host_json("::1", listener.port(), 1000, "IP6"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST(TcpProbeSettingsTest, DefaultsFollowKener) {
  auto settings = TcpProbe::parse(R"({"hosts":[{"host":"db.internal"}],"tcpEval":"x"})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  ASSERT_EQ(settings->hosts.size(), 1u);
  EXPECT_FALSE(settings->hosts[0].ipv6);
  EXPECT_EQ(settings->hosts[0].port, 80);
  EXPECT_EQ(settings->hosts[0].timeout_ms, 1000);
}

TEST(TcpProbeSettingsTest, ProblemsNameTheField) {
  auto error = [](const std::string& type_data) {
    auto settings = TcpProbe::parse(type_data);
    return settings ? std::string() : settings.error().message;
  };
  EXPECT_NE(error(R"({})").find("type_data.hosts"), std::string::npos);
  EXPECT_NE(error(R"({"hosts":[]})").find("type_data.hosts"), std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"host":"a","port":70000}]})").find("type_data.hosts[0].port"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"host":"a","type":"IPX"}]})").find("type_data.hosts[0].type"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"port":1}]})").find("type_data.hosts[0].host: is required"),
            std::string::npos);
  EXPECT_EQ(error(R"({"hosts":[{"host":"a","tls":true}]})"),
            "type_data.hosts[0].tls: unknown field");
  EXPECT_EQ(error(R"({"hosts":[{"host":"a"}],"retries":1})"), "type_data.retries: unknown field");
}

}  // namespace
}  // namespace vigil
