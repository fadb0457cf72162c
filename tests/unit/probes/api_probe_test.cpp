#include "probes/api/api_probe.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "fixture_server.hpp"
#include "probe_harness.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

using testing::FixtureServer;
using testing::ProbeHarness;

class ApiProbeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new FixtureServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Runs one check with `type_data`, resolving $NAME from `env`.
  CheckResult check(const std::string& type_data,
                    const std::map<std::string, std::string>& env = {}) {
    auto settings = ApiProbe::parse(type_data);
    EXPECT_TRUE(settings.ok()) << settings.error().message;
    if (!settings) return {};
    ApiProbe probe(*settings, [env](const std::string& name) -> std::optional<std::string> {
      auto it = env.find(name);
      if (it == env.end()) return std::nullopt;
      return it->second;
    });
    return harness_.run(probe);
  }

  static std::string url_data(const std::string& path, const std::string& extra = "") {
    return R"({"url":")" + server_->url(path) + "\"" + extra + "}";
  }

  static FixtureServer* server_;
  ProbeHarness harness_;
};

FixtureServer* ApiProbeTest::server_ = nullptr;

TEST_F(ApiProbeTest, OkAnswerIsUpWithCodeLatencyAndIp) {
  auto result = check(url_data("/status/200"));
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_EQ(result.http_code, 200);
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_LT(result.latency_ms, 2000);
}

TEST_F(ApiProbeTest, ServerErrorIsDown) {
  auto result = check(url_data("/status/500"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.http_code, 500);
  EXPECT_NE(result.error_message.find("500"), std::string::npos);
}

TEST_F(ApiProbeTest, TooManyRequestsCountsAsUp) {
  auto result = check(url_data("/status/429"));
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_EQ(result.http_code, 429);
}

TEST_F(ApiProbeTest, NotFoundIsDown) {
  EXPECT_EQ(check(url_data("/status/404")).status, Status::kDown);
}

TEST_F(ApiProbeTest, SlowAnswerPastTimeoutIsDownWithTimeoutKind) {
  auto result = check(url_data("/slow/3000", R"(,"timeout":300)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_FALSE(result.error_message.empty());
  EXPECT_GE(result.latency_ms, 290);
  EXPECT_LT(result.latency_ms, 1500);
}

TEST_F(ApiProbeTest, ClosedPortIsDownWithRefusedKind) {
  // Port 1 on loopback has nothing listening unless run as a privileged service.
  auto result = check(R"({"url":"http://127.0.0.1:1/"})");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused);
  EXPECT_FALSE(result.error_message.empty());
}

TEST_F(ApiProbeTest, LocalhostNameResolvesThroughTheEngine) {
  auto result =
      check(R"({"url":"http://localhost:)" + std::to_string(server_->port()) + R"(/status/200"})");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(ApiProbeTest, RedirectsWithinLimitAreFollowed) {
  auto result = check(url_data("/redirect/3", R"(,"max_redirects":5)"));
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_EQ(result.http_code, 200);
}

TEST_F(ApiProbeTest, RedirectsBeyondLimitAreDown) {
  auto result = check(url_data("/redirect/4", R"(,"max_redirects":2)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_NE(result.error_message.find("redirect"), std::string::npos) << result.error_message;
}

TEST_F(ApiProbeTest, RedirectNotFollowedReportsTheRedirectAsUp) {
  auto result = check(url_data("/redirect/1", R"(,"follow_redirects":false)"));
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_EQ(result.http_code, 302);
}

TEST_F(ApiProbeTest, SlowerThanDegradedThresholdIsDegraded) {
  auto result = check(url_data("/slow/150", R"(,"degraded_above_ms":50)"));
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_EQ(result.http_code, 200);
  EXPECT_GT(result.latency_ms, 50);
}

TEST_F(ApiProbeTest, FasterThanDegradedThresholdIsUp) {
  EXPECT_EQ(check(url_data("/status/200", R"(,"degraded_above_ms":5000)")).status, Status::kUp);
}

TEST_F(ApiProbeTest, HugeBodyIsDiscardedAndStillUp) {
  auto result = check(url_data("/bytes/8000000"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_TRUE(result.body.empty());
}

TEST_F(ApiProbeTest, MethodsAreSentAsConfigured) {
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}) {
    auto result = check(
        url_data(std::string("/method/") + method, std::string(R"(,"method":")") + method + "\""));
    EXPECT_EQ(result.http_code, 200) << method;
  }
}

TEST_F(ApiProbeTest, EnvironmentReferencesAreSubstitutedInUrlHeadersAndBody) {
  std::map<std::string, std::string> env{{"FIXTURE_PORT", std::to_string(server_->port())},
                                         {"TOKEN", "s3cret"}};
  EXPECT_EQ(check(R"({"url":"http://127.0.0.1:$FIXTURE_PORT/status/200"})", env).http_code, 200);
  EXPECT_EQ(check(url_data("/match-header/X-Token/s3cret",
                           R"(,"headers":[{"key":"X-Token","value":"$TOKEN"}])"),
                  env)
                .http_code,
            200);
  EXPECT_EQ(
      check(url_data("/match-header/X-Token/s3cret", R"(,"headers":{"X-Token":"$TOKEN"})"), env)
          .http_code,
      200);
  EXPECT_EQ(check(url_data("/match-body/pw=s3cret", R"(,"method":"POST","body":"pw=$TOKEN")"), env)
                .http_code,
            200);
}

TEST_F(ApiProbeTest, PhasesArePositiveAndAddUpToNoMoreThanTotal) {
  auto result = check(url_data("/slow/20"));
  ASSERT_EQ(result.status, Status::kUp);
  const auto& p = result.phases;
  EXPECT_GE(p.dns_ms, 0);
  EXPECT_GT(p.connect_ms, 0);
  EXPECT_EQ(p.tls_ms, 0);
  EXPECT_GE(p.first_byte_ms, 15);
  EXPECT_GT(p.total_ms, 0);
  EXPECT_LE(p.dns_ms + p.connect_ms + p.first_byte_ms, p.total_ms + 0.001);
  EXPECT_DOUBLE_EQ(result.latency_ms, p.total_ms);
}

class ApiProbeTlsTest : public ApiProbeTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::make_self_signed_certificate(dir_->file("cert.pem"), dir_->file("key.pem"));
    server_ = new FixtureServer(dir_->file("cert.pem"), dir_->file("key.pem"));
  }
  static void TearDownTestSuite() {
    ApiProbeTest::TearDownTestSuite();
    delete dir_;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* ApiProbeTlsTest::dir_ = nullptr;

TEST_F(ApiProbeTlsTest, SelfSignedCertificateIsDownWithTlsKindByDefault) {
  auto result = check(url_data("/status/200"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls);
  EXPECT_FALSE(result.error_message.empty());
}

TEST_F(ApiProbeTlsTest, SelfSignedCertificateIsUpWhenAllowed) {
  auto result = check(url_data("/status/200", R"(,"allowSelfSignedCert":true)"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.http_code, 200);
  EXPECT_GT(result.phases.tls_ms, 0);
  EXPECT_GT(result.phases.connect_ms, 0);
  EXPECT_LE(result.phases.dns_ms + result.phases.connect_ms + result.phases.tls_ms +
                result.phases.first_byte_ms,
            result.phases.total_ms + 0.001);
}

}  // namespace
}  // namespace vigil
