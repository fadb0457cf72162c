#include "probes/ping/icmp_packet.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace vigil {
namespace {

using Bytes = std::vector<std::uint8_t>;

IcmpPacket echo(bool ipv6, bool reply) {
  IcmpPacket packet;
  packet.ipv6 = ipv6;
  packet.reply = reply;
  packet.identifier = 0x1234;
  packet.sequence = 0x0102;
  packet.payload = {'v', 'i', 'g', 'i', 'l', '-', 'p', 'i', 'n', 'g', 0x17};
  return packet;
}

// An IPv4 header (with `options` extra 32-bit words) in front of `message`, as raw sockets
// deliver it.
Bytes with_ipv4_header(const Bytes& message, std::uint8_t protocol = 1, int options = 0) {
  std::size_t header_size = 20 + 4 * static_cast<std::size_t>(options);
  Bytes packet(header_size, 0);
  packet[0] = static_cast<std::uint8_t>(0x40 | (header_size / 4));
  std::size_t total = header_size + message.size();
  packet[2] = static_cast<std::uint8_t>(total >> 8);
  packet[3] = static_cast<std::uint8_t>(total & 0xff);
  packet[8] = 64;
  packet[9] = protocol;
  packet.insert(packet.end(), message.begin(), message.end());
  return packet;
}

TEST(IcmpPacketTest, ChecksumMatchesRfc1071) {
  Bytes example = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
  EXPECT_EQ(internet_checksum(example), 0x220d);
  Bytes odd = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6};
  EXPECT_EQ(internet_checksum(odd), static_cast<std::uint16_t>(~(0xddf2 - 0x00f7) & 0xffff));
  EXPECT_EQ(internet_checksum({}), 0xffff);
}

TEST(IcmpPacketTest, EncodesAnIpv4EchoRequestWithAValidChecksum) {
  Bytes bytes = echo(false, false).encode();
  ASSERT_EQ(bytes.size(), 8u + 11u);
  EXPECT_EQ(bytes[0], 8);  // echo request
  EXPECT_EQ(bytes[1], 0);
  EXPECT_EQ(bytes[4], 0x12);
  EXPECT_EQ(bytes[5], 0x34);
  EXPECT_EQ(bytes[6], 0x01);
  EXPECT_EQ(bytes[7], 0x02);
  EXPECT_EQ(bytes[8], 'v');
  EXPECT_EQ(internet_checksum(bytes), 0);
}

TEST(IcmpPacketTest, EncodesIcmpv6TypesAndLeavesTheChecksumToTheKernel) {
  Bytes request = echo(true, false).encode();
  Bytes reply = echo(true, true).encode();
  EXPECT_EQ(request[0], 128);
  EXPECT_EQ(reply[0], 129);
  EXPECT_EQ(request[2], 0);
  EXPECT_EQ(request[3], 0);
}

TEST(IcmpPacketTest, RequestsAndRepliesRoundTrip) {
  for (bool ipv6 : {false, true}) {
    for (bool reply : {false, true}) {
      IcmpPacket original = echo(ipv6, reply);
      auto decoded = IcmpPacket::decode(original.encode(), ipv6, false);
      ASSERT_TRUE(decoded) << "ipv6=" << ipv6 << " reply=" << reply;
      EXPECT_EQ(decoded->ipv6, ipv6);
      EXPECT_EQ(decoded->reply, reply);
      EXPECT_EQ(decoded->identifier, 0x1234);
      EXPECT_EQ(decoded->sequence, 0x0102);
      EXPECT_EQ(decoded->payload, original.payload);
    }
  }
}

TEST(IcmpPacketTest, SkipsTheIpv4HeaderOfRawSockets) {
  Bytes message = echo(false, true).encode();
  auto plain = IcmpPacket::decode(with_ipv4_header(message), false, true);
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->reply);
  EXPECT_EQ(plain->payload, echo(false, true).payload);
  auto with_options = IcmpPacket::decode(with_ipv4_header(message, 1, 2), false, true);
  ASSERT_TRUE(with_options);
  EXPECT_EQ(with_options->sequence, 0x0102);
  // Bytes past the IP total length are not part of the message.
  Bytes padded = with_ipv4_header(message);
  padded.push_back(0xee);
  auto trimmed = IcmpPacket::decode(padded, false, true);
  ASSERT_TRUE(trimmed);
  EXPECT_EQ(trimmed->payload, echo(false, true).payload);
}

TEST(IcmpPacketTest, RejectsBadIpv4Headers) {
  Bytes message = echo(false, true).encode();
  EXPECT_FALSE(IcmpPacket::decode(with_ipv4_header(message, 17), false, true));  // UDP
  Bytes version6 = with_ipv4_header(message);
  version6[0] = 0x65;
  EXPECT_FALSE(IcmpPacket::decode(version6, false, true));
  Bytes short_ihl = with_ipv4_header(message);
  short_ihl[0] = 0x44;
  EXPECT_FALSE(IcmpPacket::decode(short_ihl, false, true));
  Bytes long_total = with_ipv4_header(message);
  long_total[3] = static_cast<std::uint8_t>(long_total[3] + 1);
  EXPECT_FALSE(IcmpPacket::decode(long_total, false, true));
  // Without the header flag, the IP header is read as ICMP and is no echo.
  EXPECT_FALSE(IcmpPacket::decode(with_ipv4_header(message), false, false));
}

TEST(IcmpPacketTest, RejectsTruncatedPackets) {
  for (bool ipv6 : {false, true}) {
    Bytes bytes = echo(ipv6, true).encode();
    for (std::size_t size = 0; size < 8; ++size) {
      EXPECT_FALSE(IcmpPacket::decode(std::span(bytes.data(), size), ipv6, false))
          << "ipv6=" << ipv6 << " size=" << size;
    }
  }
  // An IPv4 message cut inside its payload no longer matches its checksum.
  Bytes bytes = echo(false, true).encode();
  for (std::size_t size = 8; size < bytes.size(); ++size) {
    EXPECT_FALSE(IcmpPacket::decode(std::span(bytes.data(), size), false, false)) << size;
  }
  Bytes raw = with_ipv4_header(bytes);
  for (std::size_t size = 0; size < raw.size(); ++size) {
    EXPECT_FALSE(IcmpPacket::decode(std::span(raw.data(), size), false, true)) << size;
  }
}

TEST(IcmpPacketTest, RejectsCorruptedIpv4Checksums) {
  Bytes bytes = echo(false, true).encode();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 0 || i == 1) continue;  // these change the type or code, rejected anyway
    Bytes corrupt = bytes;
    corrupt[i] ^= 0x40;
    EXPECT_FALSE(IcmpPacket::decode(corrupt, false, false)) << "byte " << i;
  }
}

TEST(IcmpPacketTest, RejectsOtherIcmpMessages) {
  Bytes unreachable = echo(false, true).encode();
  unreachable[0] = 3;  // destination unreachable
  unreachable[2] = unreachable[3] = 0;
  std::uint16_t checksum = internet_checksum(unreachable);
  unreachable[2] = static_cast<std::uint8_t>(checksum >> 8);
  unreachable[3] = static_cast<std::uint8_t>(checksum & 0xff);
  EXPECT_FALSE(IcmpPacket::decode(unreachable, false, false));
  Bytes nonzero_code = echo(true, true).encode();
  nonzero_code[1] = 1;
  EXPECT_FALSE(IcmpPacket::decode(nonzero_code, true, false));
  Bytes v6_unreachable = echo(true, true).encode();
  v6_unreachable[0] = 1;
  EXPECT_FALSE(IcmpPacket::decode(v6_unreachable, true, false));
  // An ICMPv4 reply's type means something else in ICMPv6, and the other way round.
  EXPECT_FALSE(IcmpPacket::decode(echo(false, true).encode(), true, false));
  EXPECT_FALSE(IcmpPacket::decode(echo(true, true).encode(), false, false));
}

TEST(IcmpPacketTest, GarbageBytesNeverCrashAndWhatDecodesIsAnEcho) {
  std::mt19937 random(20240611);
  int decoded = 0;
  for (int round = 0; round < 20000; ++round) {
    Bytes garbage(random() % 64);
    for (auto& byte : garbage) byte = static_cast<std::uint8_t>(random());
    // Make some of them look like echoes so the deeper checks run too.
    if (!garbage.empty() && round % 2 == 0) garbage[0] = round % 4 == 0 ? 0 : 129;
    if (garbage.size() > 1 && round % 2 == 0) garbage[1] = 0;
    for (bool ipv6 : {false, true}) {
      for (bool header : {false, true}) {
        auto packet = IcmpPacket::decode(garbage, ipv6, header);
        if (!packet) continue;
        ++decoded;
        EXPECT_EQ(packet->ipv6, ipv6);
        EXPECT_LE(packet->payload.size() + 8, garbage.size());
      }
    }
  }
  EXPECT_GT(decoded, 0);  // the checks above did run on some packets
}

}  // namespace
}  // namespace vigil
