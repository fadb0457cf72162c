#include "probes/ssl/ssl_probe.hpp"

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>

#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;
constexpr double kMaxHours = 100.0 * 365 * 24;
constexpr double kMillisPerHour = 3600.0 * 1000;

std::string strip_brackets(const std::string& host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

bool is_ip_literal(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// A number field that Kener's forms may also send as a string ("443"), within [min, max];
// integral when `whole`. Nullopt when absent or invalid (then a problem is recorded).
std::optional<double> read_numeric(TypeDataReader& reader, std::string_view key, double min,
                                   double max, bool whole) {
  const json::value* value = reader.raw(key);
  if (value == nullptr) return std::nullopt;
  std::optional<double> parsed;
  if (value->is_number()) parsed = value->to_number<double>();
  if (value->is_string()) {
    const json::string& text = value->get_string();
    double number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty()) {
      parsed = number;
    }
  }
  if (!parsed || *parsed < min || *parsed > max || (whole && std::trunc(*parsed) != *parsed)) {
    auto bound = [](double v) { return std::to_string(static_cast<long long>(v)); };
    reader.fail(key, std::string(whole ? "must be an integer" : "must be a number") + " from " +
                         bound(min) + " to " + bound(max));
    return std::nullopt;
  }
  return parsed;
}

// A client context that lets every handshake finish (the check judges expiry, not trust) and
// accepts legacy protocols, so an old server's certificate can still be read.
std::shared_ptr<ssl::context> make_context() {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
  context->set_verify_mode(ssl::verify_none);
  SSL_CTX_set_security_level(context->native_handle(), 0);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_VERSION);
  return context;
}

// One context for every probe that trusts the system store: it holds the whole CA bundle.
std::shared_ptr<ssl::context> system_context() {
  static const std::shared_ptr<ssl::context> context = [] {
    auto made = make_context();
    boost::system::error_code ignored;  // without a store every chain reads as unverified
    made->set_default_verify_paths(ignored);
    return made;
  }();
  return context;
}

std::optional<Millis> not_after_ms(const X509* certificate) {
  std::tm parts{};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &parts) != 1) return std::nullopt;
  using namespace std::chrono;
  auto date = year(parts.tm_year + 1900) / month(static_cast<unsigned>(parts.tm_mon + 1)) /
              day(static_cast<unsigned>(parts.tm_mday));
  auto when = sys_days(date) + hours(parts.tm_hour) + minutes(parts.tm_min) + seconds(parts.tm_sec);
  return duration_cast<milliseconds>(when.time_since_epoch()).count();
}

std::string name_text(const X509_NAME* name) {
  BIO* bio = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  std::string text(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return text;
}

bool matches_name(X509* certificate, const std::string& name) {
  if (is_ip_literal(name)) return X509_check_ip_asc(certificate, name.c_str(), 0) == 1;
  return X509_check_host(certificate, name.data(), name.size(), 0, nullptr) == 1;
}

// "chain=...; hostname=...; protocol=...; subject=...; issuer=..." for a finished handshake.
std::string describe(SSL* session, X509* certificate, const std::string& name) {
  long verified = SSL_get_verify_result(session);
  std::string chain = verified == X509_V_OK ? "ok" : X509_verify_cert_error_string(verified);
  return "chain=" + chain +
         "; hostname=" + (matches_name(certificate, name) ? "match" : "mismatch") +
         "; protocol=" + SSL_get_version(session) +
         "; subject=" + name_text(X509_get_subject_name(certificate)) +
         "; issuer=" + name_text(X509_get_issuer_name(certificate));
}

ErrorKind classify_connect(const boost::system::error_code& ec) {
  if (ec == asio::error::connection_refused) return ErrorKind::kRefused;
  if (ec == asio::error::timed_out) return ErrorKind::kTimeout;
  return ErrorKind::kError;
}

double elapsed_ms(SteadyClock::time_point since) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - since).count();
}

}  // namespace

//! One check: resolve, connect, handshake, all under one deadline, then judge the certificate.
struct SslProbe::Check : std::enable_shared_from_this<Check> {
  Check(asio::io_context& io, const Settings& settings, std::shared_ptr<ssl::context> tls,
        const Clock& clock, std::function<void(CheckResult)> done)
      : settings(settings),
        tls(std::move(tls)),
        resolver(io),
        stream(io, *this->tls),
        timer(io),
        clock(clock),
        done(std::move(done)) {}

  void start() {
    started = SteadyClock::now();
    auto self = shared_from_this();
    timer.expires_after(std::chrono::milliseconds(settings.timeout_ms));
    timer.async_wait([self](boost::system::error_code ec) {
      if (ec) return;
      self->fail(ErrorKind::kTimeout, "timed out after " +
                                          std::to_string(self->settings.timeout_ms) + " ms (" +
                                          self->phase + ")");
    });
    if (!is_ip_literal(settings.servername)) {
      SSL_set_tlsext_host_name(stream.native_handle(), settings.servername.c_str());
    }
    std::string host = strip_brackets(settings.host);
    boost::system::error_code literal_error;
    auto address = asio::ip::make_address(host, literal_error);
    if (!literal_error) {
      return connect(tcp::resolver::results_type::create(
          tcp::endpoint(address, static_cast<unsigned short>(settings.port)), host,
          std::to_string(settings.port)));
    }
    phase = "resolving";
    resolver.async_resolve(
        host, std::to_string(settings.port), tcp::resolver::numeric_service,
        [self](boost::system::error_code ec, tcp::resolver::results_type endpoints) {
          if (self->finished) return;
          if (ec) return self->fail(ErrorKind::kDns, "cannot resolve: " + ec.message());
          self->result.phases.dns_ms = elapsed_ms(self->started);
          self->connect(endpoints);
        });
  }

  void connect(const tcp::resolver::results_type& endpoints) {
    auto self = shared_from_this();
    phase = "connecting";
    connect_started = SteadyClock::now();
    asio::async_connect(stream.lowest_layer(), endpoints,
                        [self](boost::system::error_code ec, const tcp::endpoint& endpoint) {
                          if (self->finished) return;
                          if (ec) return self->fail(classify_connect(ec), ec.message());
                          self->result.resolved_ip = endpoint.address().to_string();
                          self->result.phases.connect_ms = elapsed_ms(self->connect_started);
                          self->handshake();
                        });
  }

  void handshake() {
    auto self = shared_from_this();
    phase = "TLS handshake";
    handshake_started = SteadyClock::now();
    stream.async_handshake(ssl::stream_base::client, [self](boost::system::error_code ec) {
      if (self->finished) return;
      if (ec) return self->fail(ErrorKind::kTls, "TLS handshake failed: " + ec.message());
      self->result.phases.tls_ms = elapsed_ms(self->handshake_started);
      self->judge();
    });
  }

  void judge() {
    X509* certificate = SSL_get0_peer_certificate(stream.native_handle());
    if (certificate == nullptr) return fail(ErrorKind::kTls, "the server sent no certificate");
    result.details = describe(stream.native_handle(), certificate, settings.servername);
    auto expiry = not_after_ms(certificate);
    if (!expiry) return fail(ErrorKind::kTls, "the certificate's notAfter cannot be read");
    result.certificate_expiry_ms = *expiry;
    double hours_left = static_cast<double>(*expiry - clock.now_ms()) / kMillisPerHour;
    auto whole_hours = std::to_string(std::llround(std::abs(hours_left)));
    if (hours_left > settings.degraded_remaining_hours) {
      result.status = Status::kUp;
    } else {
      result.status =
          hours_left > settings.down_remaining_hours ? Status::kDegraded : Status::kDown;
      result.error_message = hours_left > 0 ? "certificate expires in " + whole_hours + " h"
                                            : "certificate expired " + whole_hours + " h ago";
    }
    finish();
  }

  void fail(ErrorKind kind, std::string message) {
    if (finished) return;
    result.status = Status::kDown;
    result.error_kind = kind;
    result.error_message = std::move(message);
    finish();
  }

  void finish() {
    finished = true;
    boost::system::error_code ignored;
    timer.cancel();
    resolver.cancel();
    stream.lowest_layer().close(ignored);
    if (connect_started != SteadyClock::time_point()) {
      result.latency_ms = elapsed_ms(connect_started);
    }
    result.phases.total_ms = elapsed_ms(started);
    done(std::move(result));
  }

  Settings settings;
  std::shared_ptr<ssl::context> tls;
  tcp::resolver resolver;
  ssl::stream<tcp::socket> stream;
  asio::steady_timer timer;
  const Clock& clock;
  std::function<void(CheckResult)> done;
  CheckResult result;
  bool finished = false;
  std::string phase = "connecting";
  SteadyClock::time_point started;
  SteadyClock::time_point connect_started;
  SteadyClock::time_point handshake_started;
};

Result<SslProbe::Settings> SslProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  auto host = reader->string("host", true);
  if (host && host->empty()) reader->fail("host", "must not be empty");
  settings.host = host.value_or("");
  settings.port =
      static_cast<int>(read_numeric(*reader, "port", 1, 65535, true).value_or(settings.port));
  auto degraded = read_numeric(*reader, "degradedRemainingHours", 0, kMaxHours, false);
  auto down = read_numeric(*reader, "downRemainingHours", 0, kMaxHours, false);
  settings.degraded_remaining_hours = degraded.value_or(settings.degraded_remaining_hours);
  settings.down_remaining_hours = down.value_or(settings.down_remaining_hours);
  if (settings.down_remaining_hours >= settings.degraded_remaining_hours) {
    reader->fail("downRemainingHours", "must be lower than degradedRemainingHours");
  }
  settings.timeout_ms = reader->integer("timeout", 1, kMaxTimeoutMs).value_or(settings.timeout_ms);
  auto servername = reader->string("servername");
  if (servername && servername->empty()) reader->fail("servername", "must not be empty");
  settings.servername = servername.value_or(strip_brackets(settings.host));
  settings.ca_file = reader->string("caFile").value_or("");
  if (auto error = reader->finish()) return *error;
  return settings;
}

Result<std::unique_ptr<SslProbe>> SslProbe::create(Settings settings) {
  if (settings.ca_file.empty()) {
    return std::make_unique<SslProbe>(std::move(settings), system_context());
  }
  auto context = make_context();
  boost::system::error_code ec;
  context->load_verify_file(settings.ca_file, ec);
  if (ec) {
    return Error{ErrorCode::kBadRequest,
                 "type_data.caFile: cannot load " + settings.ca_file + " (" + ec.message() + ")"};
  }
  return std::make_unique<SslProbe>(std::move(settings), std::move(context));
}

SslProbe::SslProbe(Settings settings, std::shared_ptr<ssl::context> tls)
    : settings_(std::move(settings)), tls_(std::move(tls)) {}

void SslProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  std::make_shared<Check>(ctx.io, settings_, tls_, ctx.clock, std::move(done))->start();
}

ProbeKind ssl_probe_kind() {
  return parsed_probe_kind<SslProbe>("SSL", [](auto settings, const MonitorSpec&) {
    auto probe = SslProbe::create(std::move(settings));
    if (!probe) return Result<std::unique_ptr<Probe>>(probe.error());
    return Result<std::unique_ptr<Probe>>(std::unique_ptr<Probe>(std::move(*probe)));
  });
}

}  // namespace vigil
