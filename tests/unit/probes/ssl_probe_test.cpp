#include "probes/ssl/ssl_probe.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <vector>

#include "probe_harness.hpp"
#include "temp_dir.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using testing::ProbeHarness;
using testing::TempDir;

constexpr long kHour = 3600;
constexpr long kDay = 24 * kHour;

Millis now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A key and a certificate made with OpenSSL's API, valid from `from_s` to `until_s` seconds
// relative to now, for `alt_names` (subjectAltName syntax), signed by `issuer` or by itself.
class Certificate {
 public:
  Certificate(const std::string& common_name, const std::string& alt_names, long from_s,
              long until_s, const Certificate* issuer = nullptr, bool authority = false)
      : key_(EVP_EC_gen("P-256")), cert_(X509_new()) {
    static long serial = 1;
    X509_set_version(cert_, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert_), serial++);
    X509_time_adj_ex(X509_getm_notBefore(cert_), 0, from_s, nullptr);
    X509_time_adj_ex(X509_getm_notAfter(cert_), 0, until_s, nullptr);
    X509_set_pubkey(cert_, key_);
    X509_NAME* name = X509_get_subject_name(cert_);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                               0);
    X509* signer = issuer != nullptr ? issuer->cert_ : cert_;
    X509_set_issuer_name(cert_, X509_get_subject_name(signer));
    add_extension(signer, NID_subject_alt_name, alt_names);
    if (authority) {
      add_extension(signer, NID_basic_constraints, "critical,CA:TRUE");
      add_extension(signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    }
    X509_sign(cert_, issuer != nullptr ? issuer->key_ : key_, EVP_sha256());
  }
  ~Certificate() {
    X509_free(cert_);
    EVP_PKEY_free(key_);
  }
  Certificate(const Certificate&) = delete;
  Certificate& operator=(const Certificate&) = delete;

  // Writes the certificate and key as PEM files named <stem>.crt and <stem>.key in `dir`.
  void save(const TempDir& dir, const std::string& stem) const {
    BIO* out = BIO_new_file(dir.file(stem + ".crt").c_str(), "w");
    PEM_write_bio_X509(out, cert_);
    BIO_free(out);
    out = BIO_new_file(dir.file(stem + ".key").c_str(), "w");
    PEM_write_bio_PrivateKey(out, key_, nullptr, nullptr, 0, nullptr, nullptr);
    BIO_free(out);
  }
  // notAfter in milliseconds since the epoch.
  Millis not_after_ms() const {
    int days = 0;
    int seconds = 0;
    ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(cert_));
    return now_ms() / 1000 * 1000 + (static_cast<Millis>(days) * kDay + seconds) * 1000;
  }

 private:
  void add_extension(X509* signer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, signer, cert_, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    if (extension == nullptr) throw std::runtime_error("bad extension " + value);
    X509_add_ext(cert_, extension, -1);
    X509_EXTENSION_free(extension);
  }

  EVP_PKEY* key_;
  X509* cert_;
};

// A TLS server on the harness's loop that completes handshakes and records the SNI it got.
class TlsServer {
 public:
  TlsServer(asio::io_context& io, const TempDir& dir, const std::string& stem,
            const tcp::endpoint& where = {asio::ip::address_v4::loopback(), 0})
      : context_(ssl::context::tls_server), acceptor_(io, where) {
    context_.use_certificate_chain_file(dir.file(stem + ".crt"));
    context_.use_private_key_file(dir.file(stem + ".key"), ssl::context::pem);
    SSL_CTX_set_tlsext_servername_callback(context_.native_handle(), &TlsServer::on_servername);
    SSL_CTX_set_tlsext_servername_arg(context_.native_handle(), this);
    accept();
  }

  int port() const { return acceptor_.local_endpoint().port(); }
  // Offers at most TLS 1.2 from now on.
  void limit_to_tls12() { SSL_CTX_set_max_proto_version(context_.native_handle(), TLS1_2_VERSION); }
  // The server name the last client asked for (SNI); empty when none was sent.
  const std::string& servername() const { return servername_; }

 private:
  static int on_servername(SSL* session, int*, void* self) {
    const char* name = SSL_get_servername(session, TLSEXT_NAMETYPE_host_name);
    static_cast<TlsServer*>(self)->servername_ = name != nullptr ? name : "";
    return SSL_TLSEXT_ERR_OK;
  }

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;
      auto session = std::make_shared<ssl::stream<tcp::socket>>(std::move(socket), context_);
      sessions_.push_back(session);
      session->async_handshake(ssl::stream_base::server, [session](boost::system::error_code) {});
      accept();
    });
  }

  ssl::context context_;
  tcp::acceptor acceptor_;
  std::vector<std::shared_ptr<ssl::stream<tcp::socket>>> sessions_;
  std::string servername_;
};

// A plain TCP server on the harness's loop that writes `reply` to each connection and closes
// it, or holds it open in silence when `reply` is empty.
class RawServer {
 public:
  RawServer(asio::io_context& io, std::string reply)
      : reply_(std::move(reply)), acceptor_(io, {asio::ip::address_v4::loopback(), 0}) {
    accept();
  }

  int port() const { return acceptor_.local_endpoint().port(); }

 private:
  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;
      auto connection = std::make_shared<tcp::socket>(std::move(socket));
      if (reply_.empty()) {
        held_.push_back(connection);
      } else {
        asio::async_write(*connection, asio::buffer(reply_),
                          [connection](boost::system::error_code, std::size_t) {
                            boost::system::error_code ignored;
                            connection->close(ignored);
                          });
      }
      accept();
    });
  }

  std::string reply_;
  tcp::acceptor acceptor_;
  std::vector<std::shared_ptr<tcp::socket>> held_;
};

class SslProbeTest : public ::testing::Test {
 protected:
  // Runs one check with `type_data`, which must be valid.
  CheckResult check(const std::string& type_data) {
    auto settings = SslProbe::parse(type_data);
    EXPECT_TRUE(settings.ok()) << settings.error().message;
    if (!settings) return {};
    auto probe = SslProbe::create(std::move(*settings));
    EXPECT_TRUE(probe.ok()) << probe.error().message;
    if (!probe) return {};
    return harness_.run(**probe);
  }

  // Saves `certificate` as <stem>.* and serves it on 127.0.0.1.
  std::unique_ptr<TlsServer> serve(const Certificate& certificate, const std::string& stem) {
    certificate.save(dir_, stem);
    return std::make_unique<TlsServer>(harness_.io(), dir_, stem);
  }

  static std::string target(int port, const std::string& extra = "") {
    return R"({"host":"127.0.0.1","port":)" + std::to_string(port) + extra + "}";
  }

  ProbeHarness harness_;
  TempDir dir_;
};

const std::string kLoopbackNames = "DNS:localhost,IP:127.0.0.1,IP:::1";

TEST_F(SslProbeTest, CertificateValidForThirtyDaysIsUpWithFactsAndTimings) {
  Certificate certificate("localhost", kLoopbackNames, -kDay, 30 * kDay);
  auto server = serve(certificate, "valid");
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_EQ(server->servername(), "");  // an IP literal is never sent as SNI
  ASSERT_TRUE(result.certificate_expiry_ms.has_value());
  EXPECT_NEAR(static_cast<double>(*result.certificate_expiry_ms),
              static_cast<double>(certificate.not_after_ms()), 2000);
  EXPECT_NE(result.details.find("hostname=match"), std::string::npos) << result.details;
  EXPECT_NE(result.details.find("protocol=TLSv1.3"), std::string::npos) << result.details;
  EXPECT_NE(result.details.find("subject=CN=localhost"), std::string::npos) << result.details;
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
  EXPECT_GT(result.phases.connect_ms, 0);
  EXPECT_GT(result.phases.tls_ms, 0);
  EXPECT_GE(result.latency_ms, result.phases.connect_ms + result.phases.tls_ms);
  EXPECT_LT(result.latency_ms, 2000);
}

TEST_F(SslProbeTest, ExpiringInThreeDaysIsDegraded) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 3 * kDay), "soon");
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_EQ(result.error_message, "certificate expires in 72 h");
}

TEST_F(SslProbeTest, ExpiringInTenHoursIsDown) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 10 * kHour), "ten");
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_EQ(result.error_message, "certificate expires in 10 h");
}

TEST_F(SslProbeTest, ThresholdsComeFromTypeData) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 10 * kHour), "ten");
  auto result = check(target(server->port(), R"(,"degradedRemainingHours":12,)"
                                             R"("downRemainingHours":"2")"));
  EXPECT_EQ(result.status, Status::kDegraded) << result.error_message;
  result = check(target(server->port(), R"(,"degradedRemainingHours":9,"downRemainingHours":2)"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(SslProbeTest, ExpiredCertificateIsDownAndSaysSince) {
  Certificate authority("Vigil Test CA", "DNS:ca.vigil.test", -kDay, 365 * kDay, nullptr, true);
  authority.save(dir_, "ca");
  Certificate certificate("localhost", kLoopbackNames, -30 * kDay, -2 * kDay, &authority);
  auto server = serve(certificate, "expired");
  auto result = check(target(server->port(), R"(,"caFile":")" + dir_.file("ca.crt") + "\""));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_message, "certificate expired 48 h ago");
  ASSERT_TRUE(result.certificate_expiry_ms.has_value());
  EXPECT_LT(*result.certificate_expiry_ms, now_ms());
  EXPECT_NE(result.details.find("chain=certificate has expired"), std::string::npos)
      << result.details;
}

TEST_F(SslProbeTest, NegotiatedProtocolIsReported) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 30 * kDay), "tls12");
  server->limit_to_tls12();
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_NE(result.details.find("protocol=TLSv1.2;"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, WrongHostnameIsJudgedByExpiryAndReported) {
  auto server = serve(Certificate("other.example", "DNS:other.example", -kDay, 30 * kDay), "other");
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_NE(result.details.find("hostname=mismatch"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, SelfSignedCertificateIsReportedNotFailed) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 30 * kDay), "self");
  auto result = check(target(server->port()));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_NE(result.details.find("chain=self-signed certificate;"), std::string::npos)
      << result.details;
  EXPECT_NE(result.details.find("issuer=CN=localhost"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, ChainIsVerifiedAgainstCaFile) {
  Certificate authority("Vigil Test CA", "DNS:ca.vigil.test", -kDay, 365 * kDay, nullptr, true);
  authority.save(dir_, "ca");
  Certificate leaf("localhost", kLoopbackNames, -kDay, 30 * kDay, &authority);
  auto server = serve(leaf, "leaf");
  auto trusted = check(target(server->port(), R"(,"caFile":")" + dir_.file("ca.crt") + "\""));
  EXPECT_EQ(trusted.status, Status::kUp) << trusted.error_message;
  EXPECT_NE(trusted.details.find("chain=ok;"), std::string::npos) << trusted.details;
  EXPECT_NE(trusted.details.find("issuer=CN=Vigil Test CA"), std::string::npos) << trusted.details;
  auto untrusted = check(target(server->port()));
  EXPECT_EQ(untrusted.status, Status::kUp) << untrusted.error_message;
  EXPECT_NE(untrusted.details.find("chain=unable to get local issuer certificate"),
            std::string::npos)
      << untrusted.details;
}

TEST_F(SslProbeTest, ServernameIsSentAsSniAndChecked) {
  auto server = serve(Certificate("vigil.test", "DNS:vigil.test", -kDay, 30 * kDay), "named");
  auto result = check(target(server->port(), R"(,"servername":"vigil.test")"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(server->servername(), "vigil.test");
  EXPECT_NE(result.details.find("hostname=match"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, NamesAreResolvedAndSentAsSni) {
  auto server = serve(Certificate("localhost", kLoopbackNames, -kDay, 30 * kDay), "local");
  auto result = check(R"({"host":"localhost","port":")" + std::to_string(server->port()) + "\"}");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(server->servername(), "localhost");
  EXPECT_NE(result.details.find("hostname=match"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, Ipv6LoopbackIsChecked) {
  Certificate certificate("localhost", kLoopbackNames, -kDay, 30 * kDay);
  certificate.save(dir_, "v6");
  std::unique_ptr<TlsServer> server;
  try {
    server = std::make_unique<TlsServer>(harness_.io(), dir_, "v6",
                                         tcp::endpoint(asio::ip::address_v6::loopback(), 0));
  } catch (const boost::system::system_error& error) {
    FAIL() << "no IPv6 loopback (::1) on this machine: " << error.what();
  }
  auto result = check(R"({"host":"[::1]","port":)" + std::to_string(server->port()) + "}");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.resolved_ip, "::1");
  EXPECT_EQ(server->servername(), "");  // an IP literal is never sent as SNI
  EXPECT_NE(result.details.find("hostname=match"), std::string::npos) << result.details;
}

TEST_F(SslProbeTest, RefusedPortIsDownWithRefused) {
  int port = 0;
  {
    tcp::acceptor released(harness_.io(), {asio::ip::address_v4::loopback(), 0});
    port = released.local_endpoint().port();
  }
  auto result = check(target(port));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused);
  EXPECT_FALSE(result.certificate_expiry_ms.has_value());
}

TEST_F(SslProbeTest, ServerThatNeverSpeaksTlsTimesOut) {
  RawServer silent(harness_.io(), "");
  auto result = check(target(silent.port(), R"(,"timeout":300)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_EQ(result.error_message, "timed out after 300 ms (TLS handshake)");
  EXPECT_GE(result.latency_ms, 290);
  EXPECT_LT(result.latency_ms, 1500);
}

TEST_F(SslProbeTest, GarbageReplyIsDownWithTls) {
  RawServer garbage(harness_.io(), "HTTP/1.1 400 Bad Request\r\n\r\n\x01\x02\xff\xfe garbage");
  auto result = check(target(garbage.port()));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls);
  EXPECT_NE(result.error_message.find("TLS handshake failed"), std::string::npos)
      << result.error_message;
}

TEST_F(SslProbeTest, TruncatedHandshakeRecordIsDownWithTls) {
  // A handshake record header announcing 512 bytes, the start of a ServerHello, then EOF.
  RawServer truncated(harness_.io(),
                      std::string("\x16\x03\x03\x02\x00\x02\x00\x01\xfc\x03\x03", 11));
  auto result = check(target(truncated.port()));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTls);
  EXPECT_NE(result.error_message.find("TLS handshake failed"), std::string::npos)
      << result.error_message;
}

TEST_F(SslProbeTest, UnresolvableNameIsDownWithDns) {
  auto result = check(R"({"host":"nothing.invalid","timeout":5000})");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kDns) << result.error_message;
}

std::string parse_error(const std::string& type_data) {
  auto settings = SslProbe::parse(type_data);
  return settings ? std::string() : settings.error().message;
}

TEST(SslProbeSettingsTest, DefaultsFollowKener) {
  auto settings = SslProbe::parse(R"({"host":"example.com"})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->port, 443);
  EXPECT_EQ(settings->degraded_remaining_hours, 168);
  EXPECT_EQ(settings->down_remaining_hours, 24);
  EXPECT_EQ(settings->timeout_ms, 10000);
  EXPECT_EQ(settings->servername, "example.com");
  EXPECT_EQ(settings->ca_file, "");
}

TEST(SslProbeSettingsTest, PortIsAStringOrANumber) {
  auto text = SslProbe::parse(R"({"host":"a","port":"8443"})");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text->port, 8443);
  auto number = SslProbe::parse(R"({"host":"a","port":993})");
  ASSERT_TRUE(number.ok()) << number.error().message;
  EXPECT_EQ(number->port, 993);
}

TEST(SslProbeSettingsTest, ProblemsNameTheField) {
  EXPECT_EQ(parse_error(R"({})"), "type_data.host: is required");
  EXPECT_EQ(parse_error(R"({"host":""})"), "type_data.host: must not be empty");
  for (const char* port : {R"("https")", "70000", "0", R"("44 3")", "1.5"}) {
    EXPECT_EQ(parse_error(std::string(R"({"host":"a","port":)") + port + "}"),
              "type_data.port: must be an integer from 1 to 65535")
        << port;
  }
  EXPECT_EQ(parse_error(R"({"host":"a","degradedRemainingHours":24,"downRemainingHours":24})"),
            "type_data.downRemainingHours: must be lower than degradedRemainingHours");
  EXPECT_EQ(parse_error(R"({"host":"a","downRemainingHours":200})"),
            "type_data.downRemainingHours: must be lower than degradedRemainingHours");
  EXPECT_EQ(parse_error(R"({"host":"a","degradedRemainingHours":-1})"),
            "type_data.degradedRemainingHours: must be a number from 0 to 876000");
  EXPECT_EQ(parse_error(R"({"host":"a","timeout":0})"),
            "type_data.timeout: must be an integer from 1 to 300000");
  EXPECT_EQ(parse_error(R"({"host":"a","sni":"b"})"), "type_data.sni: unknown field");
  EXPECT_EQ(parse_error(R"({"port":"x"})"),
            "type_data.host: is required; type_data.port: must be an integer from 1 to 65535");
}

TEST(SslProbeSettingsTest, UnreadableCaFileIsABadRequest) {
  MonitorSpec spec;
  spec.monitor_type = "SSL";
  spec.type_data = R"({"host":"a","caFile":"/nonexistent/ca.pem"})";
  auto kind = ssl_probe_kind();
  EXPECT_EQ(kind.type, "SSL");
  auto probe = kind.build(spec);
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(probe.error().message.find("type_data.caFile: cannot load /nonexistent/ca.pem"),
            std::string::npos)
      << probe.error().message;
}

}  // namespace
}  // namespace vigil
