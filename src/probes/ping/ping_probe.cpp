#include "probes/ping/ping_probe.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <random>

#include "probes/ping/icmp_packet.hpp"
#include "probes/ping/icmp_socket.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
using asio::ip::udp;
using SteadyClock = std::chrono::steady_clock;

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;
constexpr int kMaxCount = 100;
// Echoes are spread this far apart, but always all sent within the first half of the timeout.
constexpr long kEchoSpacingMs = 100;
constexpr std::size_t kPayloadSize = 32;

double ms_between(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// Random bytes that a reply must echo back; they tell our replies from anyone else's.
std::vector<std::uint8_t> random_payload() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::vector<std::uint8_t> payload(kPayloadSize);
  std::generate(payload.begin(), payload.end(), [] { return static_cast<std::uint8_t>(random()); });
  return payload;
}

PingProbe::Settings::Host read_host(TypeDataReader& entry) {
  PingProbe::Settings::Host host;
  std::string type = entry.string("type").value_or("IP4");
  if (type != "IP4" && type != "IP6") entry.fail("type", "must be IP4 or IP6");
  host.ipv6 = type == "IP6";
  auto name = entry.string("host", true);
  if (name && name->empty()) entry.fail("host", "must not be empty");
  host.host = name.value_or("");
  host.timeout_ms = entry.integer("timeout", 1, kMaxTimeoutMs).value_or(host.timeout_ms);
  host.count = static_cast<int>(entry.integer("count", 1, kMaxCount).value_or(host.count));
  return host;
}

}  // namespace

//! One host's echoes: resolve (unless a literal), send `count` echoes, collect the replies until
//! every echo is answered or the host's timeout passes.
struct PingProbe::Pinger {
  explicit Pinger(asio::io_context& io) : resolver(io), socket(io), spacing(io), deadline(io) {}

  udp::resolver resolver;
  IcmpSocket socket;
  asio::steady_timer spacing;
  asio::steady_timer deadline;
  std::string address;
  bool ipv6 = false;
  std::vector<std::uint8_t> payload = random_payload();
  std::vector<std::optional<SteadyClock::time_point>> sent_at;
  std::vector<bool> answered;
  int sent = 0;
  int received = 0;
  double round_trip_total_ms = 0;
  bool finished = false;
  double latency_ms = 0;
  ErrorKind kind = ErrorKind::kNone;
  std::string message;
};

//! One check: a pinger per host, reported together when the last one settles.
struct PingProbe::Round : std::enable_shared_from_this<Round> {
  Round(asio::io_context& io, const Settings& settings, std::function<void(CheckResult)> done)
      : hosts(settings.hosts), remaining(hosts.size()), done(std::move(done)) {
    for (std::size_t i = 0; i < hosts.size(); ++i) pingers.push_back(std::make_unique<Pinger>(io));
  }

  void start() {
    started = SteadyClock::now();
    for (std::size_t i = 0; i < hosts.size(); ++i) start_host(i);
  }

  void start_host(std::size_t i) {
    auto self = shared_from_this();
    Pinger& pinger = *pingers[i];
    const Settings::Host& host = hosts[i];
    pinger.deadline.expires_after(std::chrono::milliseconds(host.timeout_ms));
    pinger.deadline.async_wait([self, i](boost::system::error_code ec) {
      if (!ec) self->settle(i, ErrorKind::kTimeout, "");
    });
    boost::system::error_code literal_error;
    auto address = asio::ip::make_address(host.host, literal_error);
    if (!literal_error) {
      // Posted, so that even a socket that cannot be opened reports after run() returns.
      asio::post(pinger.deadline.get_executor(),
                 [self, i, address = address.to_string()] { self->ping(i, address); });
      return;
    }
    // No v4-mapped results: an IP6 host must be pinged over IPv6.
    pinger.resolver.async_resolve(
        host.ipv6 ? udp::v6() : udp::v4(), host.host, "", udp::resolver::flags(),
        [self, i](boost::system::error_code ec, udp::resolver::results_type endpoints) {
          if (ec || endpoints.empty()) {
            return self->settle(i, ErrorKind::kDns, "cannot resolve: " + ec.message());
          }
          self->ping(i, endpoints.begin()->endpoint().address().to_string());
        });
  }

  void ping(std::size_t i, std::string address) {
    Pinger& pinger = *pingers[i];
    if (pinger.finished) return;  // the deadline passed while resolving or being posted
    pinger.address = std::move(address);
    pinger.ipv6 = pinger.address.find(':') != std::string::npos;
    if (auto error = pinger.socket.open(pinger.address)) {
      return settle(i, ErrorKind::kError, *error);
    }
    auto self = shared_from_this();
    pinger.socket.receive([self, i](std::span<const std::uint8_t> datagram) {
      self->received_datagram(i, datagram);
    });
    pinger.sent_at.resize(static_cast<std::size_t>(hosts[i].count));
    pinger.answered.resize(pinger.sent_at.size());
    send_echo(i);
  }

  void send_echo(std::size_t i) {
    Pinger& pinger = *pingers[i];
    IcmpPacket echo;
    echo.ipv6 = pinger.ipv6;
    echo.sequence = static_cast<std::uint16_t>(pinger.sent);
    echo.payload = pinger.payload;
    pinger.sent_at[pinger.sent] = SteadyClock::now();
    ++pinger.sent;
    pinger.socket.send(echo.encode());
    if (pinger.sent == hosts[i].count) return;
    long spread_ms = hosts[i].timeout_ms / (2 * hosts[i].count);
    pinger.spacing.expires_after(std::chrono::milliseconds(std::min(kEchoSpacingMs, spread_ms)));
    pinger.spacing.async_wait([self = shared_from_this(), i](boost::system::error_code ec) {
      if (!ec && !self->pingers[i]->finished) self->send_echo(i);
    });
  }

  // Anything that is not an answer to one of this host's echoes is ignored: our own requests
  // seen by a raw socket, replies to other pingers, corrupt or truncated packets, duplicates.
  void received_datagram(std::size_t i, std::span<const std::uint8_t> datagram) {
    Pinger& pinger = *pingers[i];
    if (pinger.finished) return;
    auto packet = IcmpPacket::decode(datagram, pinger.ipv6, pinger.socket.raw() && !pinger.ipv6);
    if (!packet || !packet->reply || packet->payload != pinger.payload) return;
    std::size_t sequence = packet->sequence;
    if (sequence >= pinger.sent_at.size() || !pinger.sent_at[sequence] ||
        pinger.answered[sequence]) {
      return;
    }
    pinger.answered[sequence] = true;
    ++pinger.received;
    pinger.round_trip_total_ms += ms_between(*pinger.sent_at[sequence], SteadyClock::now());
    if (pinger.received == hosts[i].count) settle(i, ErrorKind::kNone, "");
  }

  // A host is alive when at least one echo came back, whatever ended its wait.
  void settle(std::size_t i, ErrorKind kind, std::string message) {
    Pinger& pinger = *pingers[i];
    if (pinger.finished) return;
    pinger.finished = true;
    if (pinger.received > 0) {
      pinger.latency_ms = pinger.round_trip_total_ms / pinger.received;
    } else {
      pinger.latency_ms = ms_between(started, SteadyClock::now());
      pinger.kind = kind;
      pinger.message = std::move(message);
      if (kind == ErrorKind::kTimeout && !pinger.socket.error().empty()) {
        pinger.kind = ErrorKind::kError;
        pinger.message = pinger.socket.error();
      } else if (kind == ErrorKind::kTimeout) {
        pinger.message = "no reply to " + std::to_string(pinger.sent) + " echoes within " +
                         std::to_string(hosts[i].timeout_ms) + " ms";
      }
    }
    pinger.deadline.cancel();
    pinger.spacing.cancel();
    pinger.resolver.cancel();
    pinger.socket.close();
    if (--remaining == 0) report();
  }

  void report() {
    CheckResult result;
    result.status = Status::kUp;
    double total_ms = 0;
    int sent = 0;
    int received = 0;
    for (std::size_t i = 0; i < pingers.size(); ++i) {
      const Pinger& pinger = *pingers[i];
      total_ms += pinger.latency_ms;
      sent += pinger.sent;
      received += pinger.received;
      if (result.resolved_ip.empty()) result.resolved_ip = pinger.address;
      if (pinger.kind == ErrorKind::kNone || result.status == Status::kDown) continue;
      result.status = Status::kDown;
      result.error_kind = pinger.kind;
      result.error_message = hosts[i].host + ": " + pinger.message;
    }
    result.latency_ms = total_ms / static_cast<double>(pingers.size());
    result.phases.total_ms = result.latency_ms;
    int loss = sent == 0 ? 100 : static_cast<int>(std::lround(100.0 * (sent - received) / sent));
    result.details = "loss=" + std::to_string(loss) + "%; sent=" + std::to_string(sent) +
                     "; received=" + std::to_string(received);
    done(std::move(result));
  }

  std::vector<Settings::Host> hosts;
  std::vector<std::unique_ptr<Pinger>> pingers;
  std::size_t remaining;
  SteadyClock::time_point started;
  std::function<void(CheckResult)> done;
};

Result<PingProbe::Settings> PingProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  reader->objects("hosts", 1, "a list of at least one {type, host, timeout, count}",
                  [&](TypeDataReader& entry) { settings.hosts.push_back(read_host(entry)); });
  reader->ignore("pingEval");  // Kener's JavaScript evaluator; not run (yet)
  if (auto error = reader->finish()) return *error;
  return settings;
}

PingProbe::PingProbe(Settings settings) : settings_(std::move(settings)) {}

void PingProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  std::make_shared<Round>(ctx.io, settings_, std::move(done))->start();
}

ProbeKind ping_probe_kind() {
  return parsed_probe_kind<PingProbe>("PING");
}

}  // namespace vigil
