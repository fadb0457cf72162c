#include "probes/ping/ping_probe.hpp"

#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/monitor_spec.hpp"
#include "probe_harness.hpp"

namespace vigil {
namespace {

using testing::ProbeHarness;

bool shell(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// Two network namespaces joined by a veth pair: "near" (10.200.0.1, fd00:200::1), where a test
// runs probes, and "far" (10.200.0.2, fd00:200::2), which ignores echo requests. Both have their
// loopback up. Removed, with everything in them, on destruction.
class SilentNeighbour {
 public:
  SilentNeighbour()
      : near_("vigil-ping-" + std::to_string(getpid()) + "-near"),
        far_("vigil-ping-" + std::to_string(getpid()) + "-far") {
    ok_ = shell("ip netns add " + near_) && shell("ip netns add " + far_) &&
          shell("ip -n " + near_ + " link set lo up") &&
          shell("ip -n " + far_ + " link set lo up") &&
          shell("ip -n " + near_ + " link add veth0 type veth peer name veth0 netns " + far_) &&
          shell("ip -n " + near_ + " addr add 10.200.0.1/24 dev veth0") &&
          shell("ip -n " + near_ + " addr add fd00:200::1/64 dev veth0 nodad") &&
          shell("ip -n " + far_ + " addr add 10.200.0.2/24 dev veth0") &&
          shell("ip -n " + far_ + " addr add fd00:200::2/64 dev veth0 nodad") &&
          shell("ip -n " + near_ + " link set veth0 up") &&
          shell("ip -n " + far_ + " link set veth0 up") &&
          in_far("sysctl -qw net.ipv4.icmp_echo_ignore_all=1 net.ipv6.icmp.echo_ignore_all=1");
  }
  ~SilentNeighbour() {
    shell("ip netns del " + near_);
    shell("ip netns del " + far_);
  }

  bool ok() const { return ok_; }
  const std::string& near() const { return near_; }
  const std::string& far() const { return far_; }
  //! Runs `command` inside the near or the far namespace.
  bool in_near(const std::string& command) const {
    return shell("ip netns exec " + near_ + " " + command);
  }
  bool in_far(const std::string& command) const {
    return shell("ip netns exec " + far_ + " " + command);
  }

 private:
  std::string near_;
  std::string far_;
  bool ok_ = false;
};

// Moves this thread (where the harness runs probes and opens their sockets) into a named network
// namespace, and back on destruction.
class InsideNamespace {
 public:
  explicit InsideNamespace(const std::string& name)
      : home_(open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)) {
    int target = open(("/run/netns/" + name).c_str(), O_RDONLY | O_CLOEXEC);
    ok_ = home_ >= 0 && target >= 0 && setns(target, CLONE_NEWNET) == 0;
    if (target >= 0) close(target);
  }
  ~InsideNamespace() {
    if (ok_) setns(home_, CLONE_NEWNET);
    if (home_ >= 0) close(home_);
  }

  bool ok() const { return ok_; }

 private:
  int home_;
  bool ok_ = false;
};

// Takes CAP_NET_RAW out of this thread's effective capabilities, so only an unprivileged
// datagram ICMP socket can be opened; gives it back on destruction.
class WithoutRawSockets {
 public:
  WithoutRawSockets() {
    ok_ = syscall(SYS_capget, &header_, saved_) == 0;
    __user_cap_data_struct reduced[2] = {saved_[0], saved_[1]};
    reduced[0].effective &= ~(1u << CAP_NET_RAW);
    ok_ = ok_ && syscall(SYS_capset, &header_, reduced) == 0;
  }
  ~WithoutRawSockets() {
    if (ok_) syscall(SYS_capset, &header_, saved_);
  }

  bool ok() const { return ok_; }

 private:
  __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct saved_[2] = {};
  bool ok_ = false;
};

// Answers each echo request that reaches the far namespace with a burst of junk: truncated and
// garbage bytes, a bad checksum, a wrong payload, an unknown sequence, a destination-unreachable;
// then with a correct reply, but only to the second echo.
constexpr const char* kJunkResponder = R"(
import socket, struct, sys
def checksum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
def message(kind, ident, seq, payload, good=True):
    m = struct.pack('!BBHHH', kind, 0, 0, ident, seq) + payload
    c = checksum(m) if good else 0x1234
    return m[:2] + struct.pack('!H', c) + m[4:]
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
open(sys.argv[1], 'w').close()
while True:
    packet, (source, _) = s.recvfrom(2048)
    icmp = packet[(packet[0] & 15) * 4:]
    if icmp[0] != 8: continue
    kind, code, _, ident, seq = struct.unpack('!BBHHH', icmp[:8])
    payload = icmp[8:]
    for junk in [b'\xff\xff', b'\x00\x00\x00', icmp[:6], bytes(range(40)),
                 message(0, ident, seq, payload, good=False),
                 message(0, ident, seq, payload[:-1] + b'x'),
                 message(0, ident, seq + 1000, payload),
                 message(3, ident, seq, payload)]:
        s.sendto(junk, (source, 0))
    if seq == 1: s.sendto(message(0, ident, seq, payload), (source, 0))
)";

std::string host_json(const std::string& host, int timeout_ms = 1000, int count = 3,
                      const std::string& type = "IP4") {
  return R"({"type":")" + type + R"(","host":")" + host + R"(","timeout":)" +
         std::to_string(timeout_ms) + R"(,"count":)" + std::to_string(count) + "}";
}

CheckResult check(const std::string& hosts) {
  auto settings = PingProbe::parse(R"({"hosts":[)" + hosts + "]}");
  EXPECT_TRUE(settings.ok()) << settings.error().message;
  if (!settings) return {};
  PingProbe probe(*settings);
  ProbeHarness harness;
  return harness.run(probe);
}

TEST(PingProbeTest, Ipv4LoopbackIsUpWithNoLoss) {
  auto result = check(host_json("127.0.0.1"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_LT(result.latency_ms, 100);
  EXPECT_EQ(result.details, "loss=0%; sent=3; received=3");
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
}

TEST(PingProbeTest, Ipv6LoopbackIsUp) {
  auto result = check(host_json("::1", 1000, 2, "IP6"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_LT(result.latency_ms, 100);
  EXPECT_EQ(result.details, "loss=0%; sent=2; received=2");
}

TEST(PingProbeTest, NamesAreResolvedInTheHostsFamily) {
  auto result = check(host_json("localhost", 1000, 1));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
}

TEST(PingProbeTest, EveryEchoIsSentAndCounted) {
  auto result = check(host_json("127.0.0.1", 2000, 7));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.details, "loss=0%; sent=7; received=7");
}

TEST(PingProbeTest, UnresolvableNameIsDownWithDnsErrorNamingTheHost) {
  auto result = check(host_json("no-such-host.invalid"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kDns);
  EXPECT_NE(result.error_message.find("no-such-host.invalid"), std::string::npos)
      << result.error_message;
}

TEST(PingProbeTest, SilentHostIsDownWithTimeoutAfterItsTimeout) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  InsideNamespace inside(network.near());
  ASSERT_TRUE(inside.ok());
  auto started = std::chrono::steady_clock::now();
  auto result = check(host_json("10.200.0.2", 500));
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_EQ(result.details, "loss=100%; sent=3; received=0");
  EXPECT_NE(result.error_message.find("10.200.0.2"), std::string::npos) << result.error_message;
  EXPECT_GE(waited, std::chrono::milliseconds(490));
  EXPECT_LT(waited, std::chrono::milliseconds(1500));
  EXPECT_GE(result.latency_ms, 490);
}

TEST(PingProbeTest, SilentIpv6HostIsDownWithTimeout) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  InsideNamespace inside(network.near());
  ASSERT_TRUE(inside.ok());
  auto result = check(host_json("fd00:200::2", 400, 2, "IP6"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout) << result.error_message;
  EXPECT_EQ(result.details, "loss=100%; sent=2; received=0");
}

TEST(PingProbeTest, AllHostsMustAnswerAndLatencyIsTheMeanOverHosts) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  InsideNamespace inside(network.near());
  ASSERT_TRUE(inside.ok());
  // Loopback answers at once, the neighbour never: the mean is about half of 600 ms.
  auto result = check(host_json("127.0.0.1") + "," + host_json("10.200.0.2", 600));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_NE(result.error_message.find("10.200.0.2"), std::string::npos) << result.error_message;
  EXPECT_EQ(result.details, "loss=50%; sent=6; received=3");
  EXPECT_GE(result.latency_ms, 290);
  EXPECT_LT(result.latency_ms, 500);
}

TEST(PingProbeTest, UnprivilegedDatagramSocketIsUsedWhereAllowed) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  ASSERT_TRUE(network.in_near("sysctl -qw net.ipv4.ping_group_range='0 2147483647'"));
  InsideNamespace inside(network.near());
  ASSERT_TRUE(inside.ok());
  WithoutRawSockets unprivileged;
  ASSERT_TRUE(unprivileged.ok());
  auto result = check(host_json("127.0.0.1") + "," + host_json("::1", 1000, 3, "IP6"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.details, "loss=0%; sent=6; received=6");
}

TEST(PingProbeTest, NoIcmpSocketAtAllIsDownWithAnErrorSayingWhy) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  ASSERT_TRUE(network.in_near("sysctl -qw net.ipv4.ping_group_range='1 0'"));
  InsideNamespace inside(network.near());
  ASSERT_TRUE(inside.ok());
  WithoutRawSockets unprivileged;
  ASSERT_TRUE(unprivileged.ok());
  auto result = check(host_json("127.0.0.1"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_NE(result.error_message.find("127.0.0.1: cannot open an ICMP socket"), std::string::npos)
      << result.error_message;
}

TEST(PingProbeTest, JunkRepliesAreIgnoredAndOnlyTheRealReplyCounts) {
  SilentNeighbour network;
  ASSERT_TRUE(network.ok()) << "could not set up network namespaces";
  std::string stem = "/tmp/vigil-ping-" + std::to_string(getpid()) + "-responder";
  std::ofstream(stem + ".py") << kJunkResponder;
  std::filesystem::remove(stem + ".ready");
  ASSERT_TRUE(shell("{ ip netns exec " + network.far() + " timeout 20 python3 " + stem + ".py " +
                    stem + ".ready & echo $! > " + stem + ".pid; }"));
  // Python can take seconds to start on a loaded machine; the responder must be up first.
  for (int i = 0; i < 400 && !std::filesystem::exists(stem + ".ready"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(std::filesystem::exists(stem + ".ready")) << "the junk responder did not start";
  CheckResult result;
  {
    InsideNamespace inside(network.near());
    ASSERT_TRUE(inside.ok());
    result = check(host_json("10.200.0.2", 600));
  }
  shell("kill $(cat " + stem + ".pid)");
  for (const char* suffix : {".py", ".ready", ".pid"}) std::filesystem::remove(stem + suffix);
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.details, "loss=67%; sent=3; received=1");
}

TEST(PingProbeSettingsTest, DefaultsFollowKener) {
  auto settings = PingProbe::parse(R"({"hosts":[{"host":"gw.internal"}],"pingEval":"x"})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  ASSERT_EQ(settings->hosts.size(), 1u);
  EXPECT_FALSE(settings->hosts[0].ipv6);
  EXPECT_EQ(settings->hosts[0].timeout_ms, 1000);
  EXPECT_EQ(settings->hosts[0].count, 3);
}

TEST(PingProbeSettingsTest, ProblemsNameTheField) {
  auto error = [](const std::string& type_data) {
    auto settings = PingProbe::parse(type_data);
    if (settings) return std::string();
    EXPECT_EQ(settings.error().code, ErrorCode::kBadRequest);
    return settings.error().message;
  };
  EXPECT_NE(error(R"({})").find("type_data.hosts"), std::string::npos);
  EXPECT_NE(error(R"({"hosts":[]})").find("type_data.hosts"), std::string::npos);
  EXPECT_NE(error(R"({"hosts":["10.0.0.1"]})").find("type_data.hosts: [0] must be an object"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"host":"a","type":"IPX"}]})").find("type_data.hosts[0].type"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"count":1}]})").find("type_data.hosts[0].host: is required"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"host":""}]})").find("type_data.hosts[0].host: must not be empty"),
            std::string::npos);
  EXPECT_EQ(error(R"({"hosts":[{"host":"a","count":0}]})"),
            "type_data.hosts[0].count: must be an integer from 1 to 100");
  EXPECT_NE(error(R"({"hosts":[{"host":"a","count":101}]})").find("type_data.hosts[0].count"),
            std::string::npos);
  EXPECT_NE(error(R"({"hosts":[{"host":"a","timeout":0}]})").find("type_data.hosts[0].timeout"),
            std::string::npos);
  EXPECT_NE(
      error(R"({"hosts":[{"host":"a","timeout":300001}]})").find("type_data.hosts[0].timeout"),
      std::string::npos);
  EXPECT_EQ(error(R"({"hosts":[{"host":"a","port":1}]})"),
            "type_data.hosts[0].port: unknown field");
  EXPECT_EQ(error(R"({"hosts":[{"host":"a"}],"retries":1})"), "type_data.retries: unknown field");
}

TEST(PingProbeSettingsTest, TheKindIsPingAndRejectsBadTypeData) {
  ProbeKind kind = ping_probe_kind();
  EXPECT_EQ(kind.type, "PING");
  MonitorSpec spec;
  spec.type_data = R"({"hosts":[{"host":"127.0.0.1","count":0}]})";
  EXPECT_FALSE(kind.build(spec).ok());
  spec.type_data = R"({"hosts":[{"host":"127.0.0.1"}]})";
  EXPECT_TRUE(kind.build(spec).ok());
}

}  // namespace
}  // namespace vigil
