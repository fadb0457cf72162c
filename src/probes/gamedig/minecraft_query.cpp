#include "probes/gamedig/minecraft_query.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "probes/gamedig/byte_reader.hpp"

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

// A status string is at most 32767 UTF-16 units, so at most ~128 KiB of UTF-8 plus framing.
constexpr std::int32_t kMaxPacketBytes = 4 * 32767 + 16;
constexpr int kMaxVarIntBytes = 5;
constexpr std::int32_t kProtocolVersionUnknown = -1;  // the wiki's value for "just pinging"
constexpr std::int32_t kNextStateStatus = 1;

void put_varint(std::vector<std::uint8_t>& out, std::int32_t value) {
  auto bits = static_cast<std::uint32_t>(value);
  do {
    std::uint8_t byte = bits & 0x7F;
    bits >>= 7;
    out.push_back(bits != 0 ? byte | 0x80 : byte);
  } while (bits != 0);
}

void put_packet(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& body) {
  put_varint(out, static_cast<std::int32_t>(body.size()));
  out.insert(out.end(), body.begin(), body.end());
}

// Handshake (id 0: protocol version, server address, port, next state) then Status Request.
std::vector<std::uint8_t> status_request(const QueryTarget& target) {
  std::vector<std::uint8_t> handshake{0x00};
  put_varint(handshake, kProtocolVersionUnknown);
  put_varint(handshake, static_cast<std::int32_t>(target.host.size()));
  handshake.insert(handshake.end(), target.host.begin(), target.host.end());
  handshake.push_back(static_cast<std::uint8_t>(target.port >> 8));
  handshake.push_back(static_cast<std::uint8_t>(target.port & 0xFF));
  put_varint(handshake, kNextStateStatus);
  std::vector<std::uint8_t> request;
  put_packet(request, handshake);
  put_packet(request, {0x00});
  return request;
}

// A chat component's plain text: a string, or {text, extra: [...]}, without § formatting codes.
std::string plain_text(const json::value& component) {
  std::string text;
  if (component.is_string()) {
    text = std::string(component.get_string());
  } else if (const json::object* object = component.if_object()) {
    if (auto* own = object->if_contains("text")) text = plain_text(*own);
    if (auto* extra = object->if_contains("extra"); extra && extra->is_array()) {
      for (const json::value& part : extra->get_array()) text += plain_text(part);
    }
  }
  std::string plain;
  static constexpr std::string_view kSection = "\xC2\xA7";  // '§' in UTF-8
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::string_view(text).substr(i).starts_with(kSection)) {
      i += kSection.size();  // skips the code character that follows
      continue;
    }
    plain += text[i];
  }
  return plain;
}

std::optional<int> int_field(const json::object* object, std::string_view key) {
  if (object == nullptr) return std::nullopt;
  const json::value* value = object->if_contains(key);
  if (value == nullptr || !value->is_int64()) return std::nullopt;
  return static_cast<int>(value->get_int64());
}

//! One status exchange in flight.
struct Exchange : std::enable_shared_from_this<Exchange> {
  Exchange(asio::io_context& io, QueryTarget target, std::function<void(QueryOutcome)> done)
      : resolver(io), socket(io), timer(io), target(std::move(target)), done(std::move(done)) {}

  void start() {
    auto self = shared_from_this();
    timer.expires_after(std::chrono::milliseconds(target.timeout_ms));
    timer.async_wait([self](boost::system::error_code ec) {
      if (ec) return;
      self->finish(
          query_failure(ErrorKind::kTimeout,
                        "no answer within " + std::to_string(self->target.timeout_ms) + " ms"));
    });
    resolver.async_resolve(
        target.host, std::to_string(target.port), tcp::resolver::numeric_service,
        [self](boost::system::error_code ec, tcp::resolver::results_type endpoints) {
          if (self->finished) return;
          if (ec)
            return self->finish(query_failure(ErrorKind::kDns, "cannot resolve: " + ec.message()));
          asio::async_connect(self->socket, endpoints,
                              [self](boost::system::error_code ec, const tcp::endpoint&) {
                                if (self->finished) return;
                                if (ec) return self->failed(ec);
                                self->send();
                              });
        });
  }

  void send() {
    auto self = shared_from_this();
    request = status_request(target);
    sent_at = SteadyClock::now();
    asio::async_write(socket, asio::buffer(request),
                      [self](boost::system::error_code ec, std::size_t) {
                        if (self->finished) return;
                        if (ec) return self->failed(ec);
                        self->receive();
                      });
  }

  void receive() {
    auto self = shared_from_this();
    socket.async_read_some(asio::buffer(chunk), [self](boost::system::error_code ec,
                                                       std::size_t size) {
      if (self->finished) return;
      self->received.insert(self->received.end(), self->chunk.begin(),
                            self->chunk.begin() + static_cast<std::ptrdiff_t>(size));
      switch (MinecraftQuery::frame_state(self->received)) {
        case MinecraftQuery::Frame::kMalformed:
          return self->finish(
              query_failure(ErrorKind::kProtocol, "malformed or oversized packet length"));
        case MinecraftQuery::Frame::kComplete: {
          QueryOutcome outcome = MinecraftQuery::parse_status(self->received);
          outcome.latency_ms =
              std::chrono::duration<double, std::milli>(SteadyClock::now() - self->sent_at).count();
          return self->finish(std::move(outcome));
        }
        case MinecraftQuery::Frame::kIncomplete:
          if (ec == asio::error::eof) {
            return self->finish(query_failure(ErrorKind::kProtocol, "truncated status packet"));
          }
          if (ec) return self->failed(ec);
          return self->receive();
      }
    });
  }

  void failed(const boost::system::error_code& ec) {
    finish(query_failure(
        ec == asio::error::connection_refused ? ErrorKind::kRefused : ErrorKind::kError,
        ec.message()));
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

  tcp::resolver resolver;
  tcp::socket socket;
  asio::steady_timer timer;
  QueryTarget target;
  std::function<void(QueryOutcome)> done;
  std::vector<std::uint8_t> request;
  std::array<std::uint8_t, 4096> chunk{};
  std::vector<std::uint8_t> received;
  SteadyClock::time_point sent_at;
  bool finished = false;
};

}  // namespace

MinecraftQuery::Frame MinecraftQuery::frame_state(std::span<const std::uint8_t> received) {
  ByteReader reader(received);
  auto length = reader.varint();
  if (!length) {
    return received.size() >= kMaxVarIntBytes ? Frame::kMalformed : Frame::kIncomplete;
  }
  if (*length <= 0 || *length > kMaxPacketBytes) return Frame::kMalformed;
  if (reader.remaining() < static_cast<std::size_t>(*length)) return Frame::kIncomplete;
  return Frame::kComplete;
}

QueryOutcome MinecraftQuery::parse_status(std::span<const std::uint8_t> packet) {
  ByteReader reader(packet);
  auto length = reader.varint();
  auto id = reader.varint();
  auto text_length = reader.varint();
  if (!length || !id || *id != 0 || !text_length || *text_length < 0) {
    return query_failure(ErrorKind::kProtocol, "not a status response packet");
  }
  auto text = reader.bytes(static_cast<std::size_t>(*text_length));
  if (!text) return query_failure(ErrorKind::kProtocol, "status JSON longer than its packet");
  boost::system::error_code ec;
  json::value status = json::parse(*text, ec);
  if (ec || !status.is_object()) {
    return query_failure(ErrorKind::kProtocol, "status is not a JSON object");
  }
  const json::object& object = status.get_object();
  const json::value* version = object.if_contains("version");
  if (version == nullptr || !version->is_object()) {
    return query_failure(ErrorKind::kProtocol, "status JSON has no version object");
  }
  QueryOutcome outcome;
  if (const json::value* description = object.if_contains("description")) {
    outcome.facts.name = plain_text(*description);
  }
  if (const json::value* name = version->get_object().if_contains("name")) {
    outcome.facts.version = plain_text(*name);
  }
  const json::value* players = object.if_contains("players");
  const json::object* counts = players != nullptr ? players->if_object() : nullptr;
  outcome.facts.players = int_field(counts, "online");
  outcome.facts.max_players = int_field(counts, "max");
  return outcome;
}

void MinecraftQuery::run(ProbeContext& ctx, const QueryTarget& target,
                         std::function<void(QueryOutcome)> done) const {
  std::make_shared<Exchange>(ctx.io, target, std::move(done))->start();
}

}  // namespace vigil
