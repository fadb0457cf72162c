#include "probes/gamedig/a2s_query.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "probes/gamedig/byte_reader.hpp"
#include "probes/gamedig/udp_conversation.hpp"

namespace vigil {
namespace {

constexpr std::uint32_t kSinglePacket = 0xFFFFFFFF;
constexpr std::uint32_t kSplitPacket = 0xFFFFFFFE;
constexpr std::uint8_t kChallengeReply = 0x41;
constexpr std::uint8_t kSourceInfo = 0x49;
constexpr std::uint8_t kGoldSourceInfo = 0x6D;
constexpr std::uint16_t kTheShipAppId = 2400;
constexpr int kMaxChallenges = 3;
constexpr char kInfoRequest[] = "\xFF\xFF\xFF\xFFTSource Engine Query";

std::vector<std::uint8_t> info_request(std::span<const std::uint8_t> challenge) {
  // sizeof includes the terminating zero, which the request carries.
  std::vector<std::uint8_t> request(sizeof(kInfoRequest) + challenge.size());
  std::copy(std::begin(kInfoRequest), std::end(kInfoRequest), request.begin());
  std::copy(challenge.begin(), challenge.end(), request.begin() + sizeof(kInfoRequest));
  return request;
}

std::string hex_byte(std::uint8_t byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

QueryOutcome truncated() {
  return query_failure(ErrorKind::kProtocol, "truncated A2S_INFO reply");
}

QueryOutcome read_source_info(ByteReader& reader) {
  QueryOutcome outcome;
  ServerFacts& facts = outcome.facts;
  auto protocol = reader.u8();
  auto name = reader.c_string();
  auto map = reader.c_string();
  auto folder = reader.c_string();
  auto game = reader.c_string();
  auto app_id = reader.u16_le();
  auto players = reader.u8();
  auto max_players = reader.u8();
  auto flags = reader.bytes(5);  // bots, server type, environment, visibility, VAC
  if (!protocol || !name || !map || !folder || !game || !app_id || !players || !max_players ||
      !flags) {
    return truncated();
  }
  if (*app_id == kTheShipAppId && !reader.bytes(3))
    return truncated();  // mode, witnesses, duration
  auto version = reader.c_string();
  if (!version) return truncated();
  facts = ServerFacts{*name, *map, *players, *max_players, *version};
  return outcome;
}

QueryOutcome read_goldsource_info(ByteReader& reader) {
  QueryOutcome outcome;
  auto address = reader.c_string();
  auto name = reader.c_string();
  auto map = reader.c_string();
  auto folder = reader.c_string();
  auto game = reader.c_string();
  auto players = reader.u8();
  auto max_players = reader.u8();
  if (!address || !name || !map || !folder || !game || !players || !max_players) {
    return truncated();
  }
  outcome.facts = ServerFacts{*name, *map, *players, *max_players, ""};
  return outcome;
}

}  // namespace

QueryOutcome A2sQuery::parse_info(std::span<const std::uint8_t> reply) {
  ByteReader reader(reply);
  auto header = reader.u32_le();
  if (header == kSplitPacket) {
    return query_failure(ErrorKind::kProtocol, "split A2S replies are not supported");
  }
  if (header != kSinglePacket) return query_failure(ErrorKind::kProtocol, "not an A2S reply");
  auto type = reader.u8();
  if (type == kSourceInfo) return read_source_info(reader);
  if (type == kGoldSourceInfo) return read_goldsource_info(reader);
  if (!type) return truncated();
  return query_failure(ErrorKind::kProtocol, "unexpected A2S reply type " + hex_byte(*type));
}

void A2sQuery::run(ProbeContext& ctx, const QueryTarget& target,
                   std::function<void(QueryOutcome)> done) const {
  int challenges = 0;
  auto on_reply = [challenges](std::span<const std::uint8_t> reply) mutable -> UdpStep {
    ByteReader reader(reply);
    auto header = reader.u32_le();
    auto type = reader.u8();
    if (header != kSinglePacket || type != kChallengeReply) return parse_info(reply);
    auto challenge = reader.bytes(4);
    if (!challenge) return query_failure(ErrorKind::kProtocol, "truncated A2S challenge");
    if (++challenges > kMaxChallenges) {
      return query_failure(ErrorKind::kProtocol, "server keeps answering with a challenge");
    }
    auto* bytes = reinterpret_cast<const std::uint8_t*>(challenge->data());
    return info_request(std::span<const std::uint8_t>(bytes, challenge->size()));
  };
  run_udp_conversation(ctx, target, info_request({}), std::move(on_reply), std::move(done));
}

}  // namespace vigil
