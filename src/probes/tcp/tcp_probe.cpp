#include "probes/tcp/tcp_probe.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>

#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;

std::string strip_brackets(const std::string& host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

std::string display_name(const TcpProbe::Settings::Host& host) {
  std::string name = strip_brackets(host.host);
  if (name.find(':') != std::string::npos) name = "[" + name + "]";
  return name + ":" + std::to_string(host.port);
}

ErrorKind classify(const boost::system::error_code& ec) {
  if (ec == asio::error::connection_refused) return ErrorKind::kRefused;
  if (ec == asio::error::timed_out) return ErrorKind::kTimeout;
  return ErrorKind::kError;
}

TcpProbe::Settings::Host read_host(TypeDataReader& entry) {
  TcpProbe::Settings::Host host;
  std::string type = entry.string("type").value_or("IP4");
  if (type != "IP4" && type != "IP6") entry.fail("type", "must be IP4 or IP6");
  host.ipv6 = type == "IP6";
  auto name = entry.string("host", true);
  if (name && name->empty()) entry.fail("host", "must not be empty");
  host.host = name.value_or("");
  host.port = static_cast<int>(entry.integer("port", 1, 65535).value_or(host.port));
  host.timeout_ms = entry.integer("timeout", 1, kMaxTimeoutMs).value_or(host.timeout_ms);
  return host;
}

}  // namespace

//! One host's connection attempt: resolve (unless a literal), connect, or give up at its timeout.
struct TcpProbe::Attempt {
  explicit Attempt(asio::io_context& io) : resolver(io), socket(io), timer(io) {}

  tcp::resolver resolver;
  tcp::socket socket;
  asio::steady_timer timer;
  bool finished = false;
  double elapsed_ms = 0;
  ErrorKind kind = ErrorKind::kNone;
  std::string message;
};

//! One check: an attempt per host, reported together when the last one settles.
struct TcpProbe::Round : std::enable_shared_from_this<Round> {
  Round(asio::io_context& io, const Settings& settings, std::function<void(CheckResult)> done)
      : hosts(settings.hosts), remaining(hosts.size()), done(std::move(done)) {
    for (std::size_t i = 0; i < hosts.size(); ++i)
      attempts.push_back(std::make_unique<Attempt>(io));
  }

  void start() {
    started = SteadyClock::now();
    for (std::size_t i = 0; i < hosts.size(); ++i) start_host(i);
  }

  void start_host(std::size_t i) {
    auto self = shared_from_this();
    Attempt& attempt = *attempts[i];
    const Settings::Host& host = hosts[i];
    attempt.timer.expires_after(std::chrono::milliseconds(host.timeout_ms));
    attempt.timer.async_wait([self, i](boost::system::error_code ec) {
      if (ec) return;
      self->settle(i, ErrorKind::kTimeout,
                   "timed out after " + std::to_string(self->hosts[i].timeout_ms) + " ms");
    });
    boost::system::error_code literal_error;
    auto address = asio::ip::make_address(strip_brackets(host.host), literal_error);
    if (!literal_error) {
      attempt.socket.async_connect(
          tcp::endpoint(address, static_cast<unsigned short>(host.port)),
          [self, i](boost::system::error_code ec) { self->connected(i, ec); });
      return;
    }
    attempt.resolver.async_resolve(
        host.ipv6 ? tcp::v6() : tcp::v4(), host.host, std::to_string(host.port),
        tcp::resolver::numeric_service,
        [self, i](boost::system::error_code ec, tcp::resolver::results_type endpoints) {
          if (self->attempts[i]->finished) return;
          if (ec) return self->settle(i, ErrorKind::kDns, "cannot resolve: " + ec.message());
          asio::async_connect(self->attempts[i]->socket, endpoints,
                              [self, i](boost::system::error_code ec, const tcp::endpoint&) {
                                self->connected(i, ec);
                              });
        });
  }

  void connected(std::size_t i, const boost::system::error_code& ec) {
    if (attempts[i]->finished) return;
    if (ec) return settle(i, classify(ec), ec.message());
    settle(i, ErrorKind::kNone, "");
  }

  void settle(std::size_t i, ErrorKind kind, std::string message) {
    Attempt& attempt = *attempts[i];
    if (attempt.finished) return;
    attempt.finished = true;
    attempt.elapsed_ms =
        std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count();
    attempt.kind = kind;
    attempt.message = std::move(message);
    boost::system::error_code ignored;
    attempt.timer.cancel();
    attempt.resolver.cancel();
    attempt.socket.close(ignored);
    if (--remaining == 0) report();
  }

  void report() {
    CheckResult result;
    result.status = Status::kUp;
    double total_ms = 0;
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      const Attempt& attempt = *attempts[i];
      total_ms += attempt.elapsed_ms;
      if (attempt.kind == ErrorKind::kNone || result.status == Status::kDown) continue;
      result.status = Status::kDown;
      result.error_kind = attempt.kind;
      result.error_message = display_name(hosts[i]) + ": " + attempt.message;
    }
    result.latency_ms = total_ms / static_cast<double>(attempts.size());
    result.phases.connect_ms = result.latency_ms;
    result.phases.total_ms = result.latency_ms;
    done(std::move(result));
  }

  std::vector<Settings::Host> hosts;
  std::vector<std::unique_ptr<Attempt>> attempts;
  std::size_t remaining;
  SteadyClock::time_point started;
  std::function<void(CheckResult)> done;
};

Result<TcpProbe::Settings> TcpProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  reader->objects("hosts", 1, "a list of at least one {type, host, port, timeout}",
                  [&](TypeDataReader& entry) { settings.hosts.push_back(read_host(entry)); });
  reader->ignore("tcpEval");  // Kener's JavaScript evaluator; not run (yet)
  if (auto error = reader->finish()) return *error;
  return settings;
}

TcpProbe::TcpProbe(Settings settings) : settings_(std::move(settings)) {}

void TcpProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  std::make_shared<Round>(ctx.io, settings_, std::move(done))->start();
}

ProbeKind tcp_probe_kind() {
  return parsed_probe_kind<TcpProbe>("TCP");
}

}  // namespace vigil
