#include "probes/dns/dns_probe.hpp"

#include <sys/socket.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "dnsmasq_server.hpp"
#include "game_tcp_responder.hpp"
#include "game_udp_responder.hpp"
#include "loopback_socket.hpp"
#include "probe_harness.hpp"
#include "stunnel_server.hpp"

namespace vigil {
namespace {

using testing::DnsmasqServer;
using testing::GameTcpResponder;
using testing::GameUdpResponder;
using testing::ProbeHarness;
using testing::StunnelServer;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every record the lookups below ask for, served by a dnsmasq started for each test.
const std::vector<std::string> kRecords{
    "--local=/test/",
    "--address=/svc.test/10.1.2.3",
    "--host-record=multi.test,10.0.0.1",
    "--host-record=multi.test,10.0.0.2",
    "--host-record=v6.test,fd00::1",
    "--cname=alias.test,multi.test",
    "--mx-host=mail.test,mx1.mail.test,10",
    "--mx-host=mail.test,mx2.mail.test,20",
    "--txt-record=txt.test,v=spf1 -all",
    "--txt-record=split.test,part one ,part two",
    "--srv-host=_http._tcp.srv.test,target.test,8080,1,5",
    "--ptr-record=3.2.1.10.in-addr.arpa,svc.test",
    "--caa-record=caa.test,0,issue,letsencrypt.org",
};

// An authoritative-only dnsmasq (it then refuses every name outside its zone).
const std::vector<std::string> kZone{
    "--auth-server=ns1.zone.test,127.0.0.1",
    "--auth-zone=zone.test",
    "--auth-soa=2024010101,hostmaster.zone.test",
    "--host-record=www.zone.test,10.9.9.9",
};

class DnsProbeTest : public ::testing::Test {
 protected:
  void SetUp() override { server_ = std::make_unique<DnsmasqServer>(kRecords); }

  // Looks up `host` on this test's dnsmasq; `extra` is more type_data fields (",\"k\":v").
  CheckResult lookup(const std::string& host, const std::string& record,
                     const std::string& extra = "") {
    return lookup_at(*server_, host, record, extra);
  }

  static CheckResult lookup_at(const DnsmasqServer& server, const std::string& host,
                               const std::string& record, const std::string& extra = "") {
    return check(R"({"host":")" + host + R"(","lookupRecord":")" + record + R"(","nameServer":")" +
                 server.address() + R"(","timeout":2000)" + extra + "}");
  }

  static CheckResult check(const std::string& type_data) {
    auto settings = DnsProbe::parse(type_data);
    EXPECT_TRUE(settings.ok()) << settings.error().message;
    if (!settings) return {};
    DnsProbe probe(*settings);
    ProbeHarness harness;
    return harness.run(probe);
  }

  std::unique_ptr<DnsmasqServer> server_;
};

TEST_F(DnsProbeTest, AddressRecordIsUpWithItsAnswersAndRcode) {
  auto result = lookup("svc.test", "A");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.dns_rcode, 0);
  EXPECT_EQ(result.resolved_ip, "10.1.2.3");
  EXPECT_TRUE(contains(result.details, "answers=10.1.2.3")) << result.details;
  EXPECT_TRUE(contains(result.details, "rcode=NOERROR")) << result.details;
  EXPECT_GT(result.latency_ms, 0);
}

TEST_F(DnsProbeTest, AnyMatchesWhenOneExpectedValueIsAnswered) {
  auto result = lookup("multi.test", "A", R"(,"matchType":"ANY","values":["10.0.0.9","10.0.0.2"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_TRUE(contains(result.details, "10.0.0.1")) << result.details;
  EXPECT_TRUE(contains(result.details, "10.0.0.2")) << result.details;
}

TEST_F(DnsProbeTest, AllMatchesOnlyWhenEveryExpectedValueIsAnswered) {
  auto both = lookup("multi.test", "A", R"(,"matchType":"ALL","values":["10.0.0.1","10.0.0.2"])");
  EXPECT_EQ(both.status, Status::kUp) << both.error_message;
  auto one_missing =
      lookup("multi.test", "A", R"(,"matchType":"ALL","values":["10.0.0.1","10.0.0.9"])");
  EXPECT_EQ(one_missing.status, Status::kDown);
  EXPECT_EQ(one_missing.error_kind, ErrorKind::kDns);
  EXPECT_TRUE(contains(one_missing.error_message, "10.0.0.9")) << one_missing.error_message;
}

TEST_F(DnsProbeTest, WrongExpectedValueIsDownAndListsWhatWasFound) {
  auto result = lookup("svc.test", "A", R"(,"values":["192.0.2.1"])");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kDns);
  EXPECT_EQ(result.dns_rcode, 0);
  EXPECT_TRUE(contains(result.error_message, "found [10.1.2.3]")) << result.error_message;
}

TEST_F(DnsProbeTest, ValuesAndAnswersAreNormalisedBeforeComparing) {
  auto result = lookup("alias.test", "CNAME", R"(,"values":["  MULTI.Test. "])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_TRUE(contains(result.details, "answers=multi.test")) << result.details;
}

TEST_F(DnsProbeTest, AaaaRecordIsAnswered) {
  auto result = lookup("v6.test", "AAAA", R"(,"values":["FD00::1"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.resolved_ip, "fd00::1");
}

TEST_F(DnsProbeTest, MxMatchesWithOrWithoutPriority) {
  auto with = lookup("mail.test", "MX", R"(,"values":["10 mx1.mail.test"])");
  EXPECT_EQ(with.status, Status::kUp) << with.error_message;
  auto without =
      lookup("mail.test", "MX", R"(,"matchType":"ALL","values":["mx1.mail.test","mx2.mail.test"])");
  EXPECT_EQ(without.status, Status::kUp) << without.error_message;
  EXPECT_TRUE(contains(without.details, "20 mx2.mail.test")) << without.details;
}

TEST_F(DnsProbeTest, TxtStringsAreJoined) {
  auto single = lookup("txt.test", "TXT", R"(,"values":["v=spf1 -all"])");
  EXPECT_EQ(single.status, Status::kUp) << single.error_message;
  auto split = lookup("split.test", "TXT", R"(,"values":["part one part two"])");
  EXPECT_EQ(split.status, Status::kUp) << split.error_message << " " << split.details;
}

TEST_F(DnsProbeTest, SrvIsPriorityWeightPortTarget) {
  auto result = lookup("_http._tcp.srv.test", "SRV", R"(,"values":["1 5 8080 target.test"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message << " " << result.details;
}

TEST_F(DnsProbeTest, PtrNamesTheHost) {
  auto result = lookup("3.2.1.10.in-addr.arpa", "PTR", R"(,"values":["svc.test"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message << " " << result.details;
}

TEST_F(DnsProbeTest, CaaIsFlagsTagValue) {
  auto result = lookup("caa.test", "CAA", R"(,"values":["0 issue letsencrypt.org"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message << " " << result.details;
}

TEST_F(DnsProbeTest, AuthoritativeZoneServesNsAndSoa) {
  DnsmasqServer authority(kZone);
  auto ns = lookup_at(authority, "zone.test", "NS", R"(,"values":["ns1.zone.test"])");
  EXPECT_EQ(ns.status, Status::kUp) << ns.error_message << " " << ns.details;
  auto soa = lookup_at(authority, "zone.test", "SOA");
  EXPECT_EQ(soa.status, Status::kUp) << soa.error_message;
  auto outside = lookup_at(authority, "svc.test", "A");
  EXPECT_EQ(outside.status, Status::kDown);
  EXPECT_EQ(outside.dns_rcode, 5);
  EXPECT_TRUE(contains(outside.error_message, "REFUSED")) << outside.error_message;
  EXPECT_TRUE(contains(soa.details, "ns1.zone.test hostmaster.zone.test 2024010101"))
      << soa.details;
}

TEST_F(DnsProbeTest, NxdomainIsDownWithItsRcode) {
  auto result = lookup("missing.test", "A");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kDns);
  EXPECT_EQ(result.dns_rcode, 3);
  EXPECT_TRUE(contains(result.error_message, "NXDOMAIN")) << result.error_message;
}

TEST_F(DnsProbeTest, NameWithoutRecordsOfTheTypeIsDown) {
  auto result = lookup("txt.test", "SRV");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kDns);
  EXPECT_EQ(result.dns_rcode, 0);
}

TEST_F(DnsProbeTest, TcpTransportAsksOverTcp) {
  auto result = lookup("mail.test", "MX", R"(,"transport":"TCP","values":["mx2.mail.test"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(DnsProbeTest, Ipv6NameServerWithPortIsAsked) {
  DnsmasqServer v6(kRecords, "::1");
  ASSERT_EQ(v6.address(), "[::1]:" + std::to_string(v6.port()));
  auto udp = lookup_at(v6, "svc.test", "A", R"(,"values":["10.1.2.3"])");
  EXPECT_EQ(udp.status, Status::kUp) << udp.error_message;
  auto tcp = lookup_at(v6, "v6.test", "AAAA", R"(,"transport":"TCP","values":["fd00::1"])");
  EXPECT_EQ(tcp.status, Status::kUp) << tcp.error_message;
}

TEST_F(DnsProbeTest, DnsOverTlsAnswersWhenSelfSignedIsAllowed) {
  StunnelServer tls(server_->port());
  std::string over_tls = R"(,"transport":"TLS","tlsPort":)" + std::to_string(tls.port()) +
                         R"(,"tlsServername":"localhost","allowSelfSignedCert":true)";
  auto found = check(R"({"host":"mail.test","lookupRecord":"MX","nameServer":"127.0.0.1",)"
                     R"("timeout":3000,"values":["mx1.mail.test"])" +
                     over_tls + "}");
  EXPECT_EQ(found.status, Status::kUp) << found.error_message;
  EXPECT_TRUE(contains(found.details, "10 mx1.mail.test")) << found.details;
  auto missing =
      check(R"({"host":"missing.test","nameServer":"127.0.0.1","timeout":3000)" + over_tls + "}");
  EXPECT_EQ(missing.status, Status::kDown);
  EXPECT_EQ(missing.dns_rcode, 3);
}

TEST_F(DnsProbeTest, DnsOverTlsRejectsAnUntrustedCertificate) {
  StunnelServer tls(server_->port());
  auto result = check(R"({"host":"svc.test","nameServer":"127.0.0.1","transport":"TLS",)"
                      R"("tlsServername":"localhost","timeout":3000,"tlsPort":)" +
                      std::to_string(tls.port()) + "}");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls) << result.error_message;
  EXPECT_TRUE(contains(result.error_message, "certificate verify failed")) << result.error_message;
}

// A reply to `query` that echoes its header and question, claims one answer and then stops
// in the middle of that answer's fixed fields.
std::string truncated_reply(std::string query) {
  query[2] = static_cast<char>(query[2] | 0x80);
  query[7] = 1;
  return query + std::string("\xc0\x0c\x00\x01\x00\x01\x00", 7);
}

// Runs one A lookup of svc.test against 127.0.0.1:`port` over `transport` (UDP, TCP, or TLS
// trusting any certificate) with `timeout_ms`, timing it.
CheckResult check_server(int port, const std::string& transport, int timeout_ms,
                         std::chrono::milliseconds& elapsed) {
  std::string at = std::to_string(port);
  std::string server =
      transport == "TLS" ? R"("nameServer":"127.0.0.1","allowSelfSignedCert":true,"tlsPort":)" + at
                         : R"("nameServer":"127.0.0.1:)" + at + "\"";
  auto settings = DnsProbe::parse(R"({"host":"svc.test",)" + server + R"(,"transport":")" +
                                  transport + R"(","timeout":)" + std::to_string(timeout_ms) + "}");
  EXPECT_TRUE(settings.ok()) << settings.error().message;
  if (!settings) return {};
  DnsProbe probe(*settings);
  ProbeHarness harness;
  auto started = std::chrono::steady_clock::now();
  auto result = harness.run(probe);
  elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started);
  return result;
}

TEST(DnsProbeFailureTest, SilentServerIsDownWithTimeoutWithinTheTimeout) {
  GameUdpResponder silent([](const std::string&) { return std::vector<std::string>{}; });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(silent.port(), "UDP", 300, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout) << result.error_message;
  EXPECT_TRUE(contains(result.error_message, "300 ms")) << result.error_message;
  EXPECT_EQ(result.dns_rcode, -1);
  EXPECT_GE(elapsed.count(), 250);
  EXPECT_LT(elapsed.count(), 1500);
  EXPECT_FALSE(silent.requests().empty());
}

TEST(DnsProbeFailureTest, GarbageRepliesAreDownNeverUp) {
  GameUdpResponder garbage([](const std::string& query) {
    std::string same_id = query.substr(0, 2) + std::string("\x81\x80\xff\xff\x00\x07garbage", 13);
    return std::vector<std::string>{"\xde\xad", same_id, std::string(600, '\xff')};
  });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(garbage.port(), "UDP", 400, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_kind, ErrorKind::kNone);
  EXPECT_LT(elapsed.count(), 1500);
}

TEST(DnsProbeFailureTest, TruncatedAnswerIsDownAsAProtocolError) {
  GameUdpResponder truncated(
      [](const std::string& query) { return std::vector<std::string>{truncated_reply(query)}; });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(truncated.port(), "UDP", 2000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kProtocol) << result.error_message;
  EXPECT_TRUE(contains(result.error_message, "truncated")) << result.error_message;
}

// A stream responder's reply: once a whole length-prefixed query arrived, truncated_reply()
// framed the same way.
std::optional<std::string> framed_truncated_reply(const std::string& received) {
  if (received.size() < 2) return std::nullopt;
  std::size_t length =
      static_cast<unsigned char>(received[0]) * 256u + static_cast<unsigned char>(received[1]);
  if (received.size() < 2 + length) return std::nullopt;
  std::string reply = truncated_reply(received.substr(2, length));
  return std::string{static_cast<char>(reply.size() >> 8), static_cast<char>(reply.size())} + reply;
}

TEST(DnsProbeFailureTest, TruncatedAnswerOverTcpIsDownAsAProtocolError) {
  GameTcpResponder truncated(framed_truncated_reply);
  std::chrono::milliseconds elapsed{};
  auto result = check_server(truncated.port(), "TCP", 2000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kProtocol) << result.error_message;
}

TEST(DnsProbeFailureTest, TruncatedAnswerOverTlsIsDownAsAProtocolError) {
  GameTcpResponder truncated(framed_truncated_reply);
  StunnelServer tls(truncated.port());
  std::chrono::milliseconds elapsed{};
  auto result = check_server(tls.port(), "TLS", 2000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kProtocol) << result.error_message;
  EXPECT_TRUE(contains(result.error_message, "truncated")) << result.error_message;
}

TEST(DnsProbeFailureTest, PlainGarbageInsteadOfTlsIsATlsError) {
  GameTcpResponder garbage([](const std::string& received) -> std::optional<std::string> {
    if (received.empty()) return std::nullopt;
    return std::string("HTTP/1.0 400 Bad Request\r\n\r\n");
  });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(garbage.port(), "TLS", 2000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls) << result.error_message;
  EXPECT_LT(elapsed.count(), 1500);
}

TEST(DnsProbeFailureTest, GarbageOverTcpThenCloseIsDown) {
  GameTcpResponder garbage([](const std::string& received) -> std::optional<std::string> {
    if (received.empty()) return std::nullopt;
    return std::string("\x00\x05hello\x40\x00nonsense", 16);
  });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(garbage.port(), "TCP", 1000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_kind, ErrorKind::kNone);
  EXPECT_LT(elapsed.count(), 2500);
}

TEST(DnsProbeFailureTest, ClosedTcpPortIsDownRefused) {
  std::chrono::milliseconds elapsed{};
  auto result = check_server(testing::closed_loopback_port(SOCK_STREAM), "TCP", 2000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused) << result.error_message;
  EXPECT_LT(elapsed.count(), 1500);
}

TEST(DnsProbeFailureTest, ClosedUdpPortIsDown) {
  std::chrono::milliseconds elapsed{};
  auto result = check_server(testing::closed_loopback_port(SOCK_DGRAM), "UDP", 1000, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused) << result.error_message;
  EXPECT_LT(elapsed.count(), 2500);
}

TEST(DnsProbeFailureTest, SilentDnsOverTlsServerTimesOut) {
  GameTcpResponder silent(
      [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  std::chrono::milliseconds elapsed{};
  auto result = check_server(silent.port(), "TLS", 300, elapsed);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout) << result.error_message;
  EXPECT_LT(elapsed.count(), 1500);
}

TEST(DnsProbeSettingsTest, DnsOverTlsNeedsANameServer) {
  auto settings = DnsProbe::parse(R"({"host":"a.test","transport":"TLS"})");
  ASSERT_FALSE(settings.ok());
  EXPECT_TRUE(contains(settings.error().message, "type_data.nameServer: is required"))
      << settings.error().message;
  auto tls = DnsProbe::parse(
      R"({"host":"a.test","transport":"tls","nameServer":"::1","tlsServername":"dns.test"})");
  ASSERT_TRUE(tls.ok()) << tls.error().message;
  EXPECT_EQ(tls->transport, DnsProbe::Transport::kTls);
  EXPECT_EQ(tls->tls_port, 853);
  EXPECT_EQ(tls->tls_server_name, "dns.test");
  EXPECT_FALSE(tls->allow_self_signed);
}

TEST(DnsProbeSettingsTest, DefaultsFollowKener) {
  auto settings = DnsProbe::parse(R"({"host":" example.test "})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->host, "example.test");
  EXPECT_EQ(settings->record_type, DnsRecordType::kA);
  EXPECT_FALSE(settings->match_all);
  EXPECT_TRUE(settings->values.empty());
  EXPECT_TRUE(settings->server_ip.empty());
  EXPECT_EQ(settings->transport, DnsProbe::Transport::kUdp);
  EXPECT_EQ(settings->timeout_ms, 5000);
}

TEST(DnsProbeSettingsTest, NameServerFormsAreSplitIntoAddressAndPort) {
  struct Case {
    std::string text;
    std::string ip;
    int port;
  };
  for (const Case& c :
       {Case{"10.0.0.53", "10.0.0.53", 53}, Case{"127.0.0.1:5353", "127.0.0.1", 5353},
        Case{"::1", "::1", 53}, Case{"[::1]:5353", "::1", 5353},
        Case{"[2001:db8::1]", "2001:db8::1", 53}}) {
    auto settings = DnsProbe::parse(R"({"host":"a.test","nameServer":")" + c.text + R"("})");
    ASSERT_TRUE(settings.ok()) << c.text << ": " << settings.error().message;
    EXPECT_EQ(settings->server_ip, c.ip) << c.text;
    EXPECT_EQ(settings->server_port, c.port) << c.text;
  }
}

TEST(DnsProbeSettingsTest, BadNameServersAreRejected) {
  for (std::string bad : {"dns.example", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "[::1",
                          "[::1]:", "[::1]5353", "[10.0.0.1]:53", "1.2.3:53"}) {
    auto settings = DnsProbe::parse(R"({"host":"a.test","nameServer":")" + bad + R"("})");
    ASSERT_FALSE(settings.ok()) << bad;
    EXPECT_TRUE(contains(settings.error().message, "type_data.nameServer")) << bad;
  }
}

TEST(DnsProbeSettingsTest, EveryProblemIsReportedTogether) {
  auto settings = DnsProbe::parse(
      R"({"lookupRecord":"HINFO","matchType":"SOME","values":[1],"transport":"QUIC",)"
      R"("timeout":0,"colour":"red"})");
  ASSERT_FALSE(settings.ok());
  const std::string& message = settings.error().message;
  for (const char* field :
       {"type_data.host", "type_data.lookupRecord", "type_data.matchType", "type_data.values",
        "type_data.transport", "type_data.timeout", "type_data.colour"}) {
    EXPECT_TRUE(contains(message, field)) << field << " in " << message;
  }
  EXPECT_TRUE(contains(message, "A, AAAA, CNAME, MX, NS, TXT, SOA, SRV, CAA, PTR")) << message;
}

TEST(DnsProbeSettingsTest, EmptyHostIsRejected) {
  auto settings = DnsProbe::parse(R"({"host":"  "})");
  ASSERT_FALSE(settings.ok());
  EXPECT_TRUE(contains(settings.error().message, "type_data.host")) << settings.error().message;
}

TEST(DnsProbeSettingsTest, KindIsRegisteredAsDnsAndValidates) {
  ProbeKind kind = dns_probe_kind();
  EXPECT_EQ(kind.type, "DNS");
  MonitorSpec spec;
  spec.monitor_type = "DNS";
  spec.type_data = R"({"host":"a.test","lookupRecord":"mx","matchType":"all"})";
  EXPECT_TRUE(kind.build(spec).ok());
  spec.type_data = R"({"lookupRecord":"A"})";
  EXPECT_FALSE(kind.build(spec).ok());
}

}  // namespace
}  // namespace vigil
