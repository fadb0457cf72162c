#include "probes/gamedig/udp_conversation.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <string>

namespace vigil {
namespace {

namespace asio = boost::asio;
using asio::ip::udp;
using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kMaxDatagram = 65535;

//! One conversation in flight; kept alive by the handlers it has outstanding.
struct Conversation : std::enable_shared_from_this<Conversation> {
  Conversation(asio::io_context& io, QueryTarget target, UdpReplyHandler on_reply,
               std::function<void(QueryOutcome)> done)
      : resolver(io),
        socket(io),
        timer(io),
        target(std::move(target)),
        on_reply(std::move(on_reply)),
        done(std::move(done)) {}

  void start(std::vector<std::uint8_t> request) {
    auto self = shared_from_this();
    timer.expires_after(std::chrono::milliseconds(target.timeout_ms));
    timer.async_wait([self](boost::system::error_code ec) {
      if (ec) return;
      self->finish(
          query_failure(ErrorKind::kTimeout,
                        "no answer within " + std::to_string(self->target.timeout_ms) + " ms"));
    });
    boost::system::error_code literal_error;
    auto address = asio::ip::make_address(target.host, literal_error);
    if (!literal_error) {
      return open(udp::endpoint(address, static_cast<unsigned short>(target.port)),
                  std::move(request));
    }
    resolver.async_resolve(
        target.host, std::to_string(target.port), udp::resolver::numeric_service,
        [self, request = std::move(request)](boost::system::error_code ec,
                                             udp::resolver::results_type endpoints) mutable {
          if (self->finished) return;
          if (ec || endpoints.empty()) {
            return self->finish(query_failure(ErrorKind::kDns, "cannot resolve: " + ec.message()));
          }
          self->open(*endpoints.begin(), std::move(request));
        });
  }

  void open(const udp::endpoint& endpoint, std::vector<std::uint8_t> request) {
    boost::system::error_code ec;
    socket.open(endpoint.protocol(), ec);
    if (!ec) socket.connect(endpoint, ec);
    if (ec)
      return finish(query_failure(ErrorKind::kError, "cannot open a UDP socket: " + ec.message()));
    send(std::move(request));
  }

  void send(std::vector<std::uint8_t> request) {
    auto self = shared_from_this();
    pending = std::move(request);
    sent_at = SteadyClock::now();
    socket.async_send(asio::buffer(pending), [self](boost::system::error_code ec, std::size_t) {
      if (self->finished) return;
      if (ec) return self->failed(ec);
      self->receive();
    });
  }

  void receive() {
    auto self = shared_from_this();
    socket.async_receive(
        asio::buffer(buffer), [self](boost::system::error_code ec, std::size_t size) {
          if (self->finished) return;
          if (ec) return self->failed(ec);
          double round_trip_ms =
              std::chrono::duration<double, std::milli>(SteadyClock::now() - self->sent_at).count();
          UdpStep step = self->on_reply(std::span<const std::uint8_t>(self->buffer.data(), size));
          if (auto* next = std::get_if<std::vector<std::uint8_t>>(&step)) {
            return self->send(std::move(*next));
          }
          auto outcome = std::get<QueryOutcome>(std::move(step));
          outcome.latency_ms = round_trip_ms;
          self->finish(std::move(outcome));
        });
  }

  void failed(const boost::system::error_code& ec) {
    if (ec == asio::error::connection_refused) {
      return finish(query_failure(ErrorKind::kRefused, "port unreachable: " + ec.message()));
    }
    finish(query_failure(ErrorKind::kError, ec.message()));
  }

  void finish(QueryOutcome outcome) {
    if (finished) return;
    finished = true;
    boost::system::error_code ignored;
    timer.cancel();
    resolver.cancel();
    socket.close(ignored);
    done(std::move(outcome));
  }

  udp::resolver resolver;
  udp::socket socket;
  asio::steady_timer timer;
  QueryTarget target;
  UdpReplyHandler on_reply;
  std::function<void(QueryOutcome)> done;
  std::vector<std::uint8_t> pending;
  std::array<std::uint8_t, kMaxDatagram> buffer{};
  SteadyClock::time_point sent_at;
  bool finished = false;
};

}  // namespace

void run_udp_conversation(ProbeContext& ctx, const QueryTarget& target,
                          std::vector<std::uint8_t> request, UdpReplyHandler on_reply,
                          std::function<void(QueryOutcome)> done) {
  std::make_shared<Conversation>(ctx.io, target, std::move(on_reply), std::move(done))
      ->start(std::move(request));
}

}  // namespace vigil
