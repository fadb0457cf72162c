#include "probes/grpc/grpc_probe.hpp"

#include <sys/socket.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fixture_server.hpp"
#include "game_tcp_responder.hpp"
#include "loopback_socket.hpp"
#include "probe_harness.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FixtureServer;
using testing::ProbeHarness;

// Debian's python3-grpcio is installed for the system interpreter, not any other python3.
constexpr const char* kSystemPython = "/usr/bin/python3";

// The answers of the test's health server, by requested service name.
const std::vector<std::string> kAnswers = {
    "=SERVING",         "api=SERVING",           "db=NOT_SERVING",
    "cache=UNKNOWN",    "queue=SERVICE_UNKNOWN", "broken=UNAVAILABLE",
    "truncated=RAW:08", "wrong-type=RAW:0a0101", "future=RAW:0807"};

std::unique_ptr<FixtureServer> start_health_server(const std::string& cert = "",
                                                   const std::string& key = "") {
  std::vector<std::string> command{kSystemPython, VIGIL_GRPC_SERVER};
  if (!cert.empty()) command.insert(command.end(), {"--tls", cert, key});
  command.insert(command.end(), kAnswers.begin(), kAnswers.end());
  return std::make_unique<FixtureServer>(std::move(command), !cert.empty());
}

std::string type_data(int port, const std::string& service, const std::string& extra = "",
                      int timeout_ms = 3000) {
  return R"({"host":"127.0.0.1","port":)" + std::to_string(port) + R"(,"service":")" + service +
         R"(","timeout":)" + std::to_string(timeout_ms) + extra + "}";
}

CheckResult check(const std::string& text) {
  auto settings = GrpcProbe::parse(text);
  EXPECT_TRUE(settings.ok()) << settings.error().message;
  if (!settings) return {};
  GrpcProbe probe(*settings);
  ProbeHarness harness;
  return harness.run(probe);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class GrpcProbeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = start_health_server().release(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static CheckResult check_service(const std::string& service) {
    return check(type_data(server_->port(), service));
  }

  static FixtureServer* server_;
};

FixtureServer* GrpcProbeTest::server_ = nullptr;

TEST_F(GrpcProbeTest, WholeServerServingIsUpWithTheCallTime) {
  auto result = check_service("");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_LT(result.latency_ms, 3000);
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
  EXPECT_TRUE(contains(result.details, "serving_status=SERVING")) << result.details;
}

TEST_F(GrpcProbeTest, NamedServiceServingIsUp) {
  auto result = check_service("api");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(GrpcProbeTest, NotServingIsDown) {
  auto result = check_service("db");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_message, "NOT_SERVING");
}

TEST_F(GrpcProbeTest, UnknownAndServiceUnknownAreDegraded) {
  for (const char* service : {"cache", "queue"}) {
    auto result = check_service(service);
    EXPECT_EQ(result.status, Status::kDegraded) << service << ": " << result.error_message;
    EXPECT_EQ(result.error_kind, ErrorKind::kNone) << service;
  }
  EXPECT_TRUE(contains(check_service("queue").details, "serving_status=SERVICE_UNKNOWN"));
}

TEST_F(GrpcProbeTest, ServiceTheServerDoesNotKnowIsDegradedByNotFound) {
  auto result = check_service("nobody-registered-this");
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_TRUE(contains(result.error_message, "NOT_FOUND")) << result.error_message;
  EXPECT_TRUE(contains(result.error_message, "nobody-registered-this")) << result.error_message;
}

TEST_F(GrpcProbeTest, FailedCallIsDownWithTheGrpcStatusAndMessage) {
  auto result = check_service("broken");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_TRUE(
      contains(result.error_message, "grpc-status 14 UNAVAILABLE: UNAVAILABLE as configured"))
      << result.error_message;
}

TEST_F(GrpcProbeTest, MalformedResponseMessageIsDownWithProtocol) {
  for (const char* service : {"truncated", "wrong-type"}) {
    auto result = check_service(service);
    EXPECT_EQ(result.status, Status::kDown) << service;
    EXPECT_EQ(result.error_kind, ErrorKind::kProtocol) << service;
    EXPECT_TRUE(contains(result.error_message, "malformed HealthCheckResponse"))
        << result.error_message;
  }
}

TEST_F(GrpcProbeTest, StatusNumberOutsideTheProtoIsDegradedNeverUp) {
  auto result = check_service("future");
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_TRUE(contains(result.error_message, "7")) << result.error_message;
}

TEST(GrpcProbeFailureTest, RefusedPortIsDownWithRefused) {
  auto result = check(type_data(testing::closed_loopback_port(SOCK_STREAM), ""));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused);
}

TEST(GrpcProbeFailureTest, SilentServerIsDownWithTimeoutAfterTheTimeout) {
  testing::GameTcpResponder silent([](const std::string&) { return std::nullopt; });
  auto started = std::chrono::steady_clock::now();
  auto result = check(type_data(silent.port(), "", "", 400));
  double elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout) << result.error_message;
  EXPECT_GE(elapsed_ms, 390);
  EXPECT_LT(elapsed_ms, 2000);
}

TEST(GrpcProbeFailureTest, PlainHttp1ServerIsDownNeverUp) {
  FixtureServer http;
  auto result = check(type_data(http.port(), ""));
  EXPECT_EQ(result.status, Status::kDown);
  // Protocol error, or a reset when the server hangs up on the HTTP/2 preface mid-request.
  EXPECT_NE(result.error_kind, ErrorKind::kNone);
  EXPECT_FALSE(result.error_message.empty());
}

TEST(GrpcProbeFailureTest, GarbageBytesAreDownNeverUp) {
  testing::GameTcpResponder garbage([](const std::string& received) -> std::optional<std::string> {
    if (received.empty()) return std::nullopt;
    return std::string("\xff\x00\x13garbage that is not HTTP/2\r\n\r\n", 33);
  });
  auto result = check(type_data(garbage.port(), ""));
  EXPECT_EQ(result.status, Status::kDown);
  // Protocol error, or a send error when the responder hangs up while the request is still going.
  EXPECT_NE(result.error_kind, ErrorKind::kNone);
  EXPECT_FALSE(result.error_message.empty());
}

class GrpcProbeTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::make_self_signed_certificate(dir_->file("cert.pem"), dir_->file("key.pem"));
    server_ = start_health_server(dir_->file("cert.pem"), dir_->file("key.pem")).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static testing::TempDir* dir_;
  static FixtureServer* server_;
};

testing::TempDir* GrpcProbeTlsTest::dir_ = nullptr;
FixtureServer* GrpcProbeTlsTest::server_ = nullptr;

TEST_F(GrpcProbeTlsTest, InsecureAcceptsASelfSignedCertificate) {
  auto result = check(type_data(server_->port(), "api", R"(,"tls":true,"insecure":true)"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  auto down = check(type_data(server_->port(), "db", R"(,"tls":true,"insecure":true)"));
  EXPECT_EQ(down.status, Status::kDown);
}

TEST_F(GrpcProbeTlsTest, VerifiedTlsRejectsASelfSignedCertificate) {
  auto result = check(type_data(server_->port(), "api", R"(,"tls":true)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls) << result.error_message;
}

TEST_F(GrpcProbeTlsTest, CleartextCallToATlsServerIsDown) {
  auto result = check(type_data(server_->port(), "api"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_kind, ErrorKind::kNone) << result.error_message;
}

TEST_F(GrpcProbeTlsTest, HttpsServerWithoutHttp2IsDown) {
  FixtureServer https(dir_->file("cert.pem"), dir_->file("key.pem"));
  auto result = check(type_data(https.port(), "", R"(,"tls":true,"insecure":true)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kProtocol) << result.error_message;
}

TEST(GrpcProbeSettingsTest, DefaultsFollowKener) {
  auto settings = GrpcProbe::parse(R"({"host":"grpc.internal"})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->host, "grpc.internal");
  EXPECT_EQ(settings->port, 50051);
  EXPECT_EQ(settings->service, "");
  EXPECT_FALSE(settings->tls);
  EXPECT_FALSE(settings->insecure);
  EXPECT_EQ(settings->timeout_ms, 10000);
}

TEST(GrpcProbeSettingsTest, EveryProblemIsNamedTogether) {
  auto settings = GrpcProbe::parse(
      R"({"host":"a b","port":70000,"tls":"yes","timeout":0,"service":7,"colour":"red"})");
  ASSERT_FALSE(settings.ok());
  for (const char* field : {"type_data.host", "type_data.port", "type_data.tls",
                            "type_data.timeout", "type_data.service", "type_data.colour"}) {
    EXPECT_TRUE(contains(settings.error().message, field)) << settings.error().message;
  }
}

TEST(GrpcProbeSettingsTest, HostIsRequired) {
  for (const char* text : {"{}", R"({"host":""})", "[]", "not json"}) {
    auto settings = GrpcProbe::parse(text);
    EXPECT_FALSE(settings.ok()) << text;
  }
}

TEST(GrpcProbeSettingsTest, RegisteredAsGrpc) {
  ProbeKind kind = grpc_probe_kind();
  EXPECT_EQ(kind.type, "GRPC");
  MonitorSpec spec;
  spec.type_data = R"({"host":"::1","port":50051})";
  EXPECT_TRUE(kind.build(spec).ok());
  spec.type_data = R"({"port":50051})";
  EXPECT_FALSE(kind.build(spec).ok());
}

}  // namespace
}  // namespace vigil
