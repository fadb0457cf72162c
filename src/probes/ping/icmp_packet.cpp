#include "probes/ping/icmp_packet.hpp"

namespace vigil {
namespace {

constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kMinIpv4HeaderSize = 20;
constexpr std::uint8_t kIcmpProtocol = 1;
constexpr std::uint8_t kEchoReplyV4 = 0;
constexpr std::uint8_t kEchoRequestV4 = 8;
constexpr std::uint8_t kEchoRequestV6 = 128;
constexpr std::uint8_t kEchoReplyV6 = 129;

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

void write_u16(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint16_t value) {
  bytes[at] = static_cast<std::uint8_t>(value >> 8);
  bytes[at + 1] = static_cast<std::uint8_t>(value & 0xff);
}

// The ICMP message inside an IPv4 packet, or nullopt when the header does not hold together.
std::optional<std::span<const std::uint8_t>> strip_ipv4_header(
    std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kMinIpv4HeaderSize || bytes[0] >> 4 != 4) return std::nullopt;
  std::size_t header_size = static_cast<std::size_t>(bytes[0] & 0x0f) * 4;
  std::size_t total_size = read_u16(bytes, 2);
  if (header_size < kMinIpv4HeaderSize || total_size < header_size || total_size > bytes.size() ||
      bytes[9] != kIcmpProtocol) {
    return std::nullopt;
  }
  return bytes.subspan(header_size, total_size - header_size);
}

}  // namespace

std::uint16_t internet_checksum(std::span<const std::uint8_t> bytes) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) sum += read_u16(bytes, i);
  if (bytes.size() % 2 == 1) sum += static_cast<std::uint32_t>(bytes.back()) << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum & 0xffff);
}

std::vector<std::uint8_t> IcmpPacket::encode() const {
  std::vector<std::uint8_t> bytes(kHeaderSize + payload.size());
  if (ipv6) {
    bytes[0] = reply ? kEchoReplyV6 : kEchoRequestV6;
  } else {
    bytes[0] = reply ? kEchoReplyV4 : kEchoRequestV4;
  }
  write_u16(bytes, 4, identifier);
  write_u16(bytes, 6, sequence);
  std::copy(payload.begin(), payload.end(), bytes.begin() + kHeaderSize);
  if (!ipv6) write_u16(bytes, 2, internet_checksum(bytes));
  return bytes;
}

std::optional<IcmpPacket> IcmpPacket::decode(std::span<const std::uint8_t> bytes, bool ipv6,
                                             bool ip_header) {
  if (ip_header && !ipv6) {
    auto message = strip_ipv4_header(bytes);
    if (!message) return std::nullopt;
    bytes = *message;
  }
  if (bytes.size() < kHeaderSize || bytes[1] != 0) return std::nullopt;
  IcmpPacket packet;
  packet.ipv6 = ipv6;
  std::uint8_t type = bytes[0];
  if (ipv6 ? type != kEchoRequestV6 && type != kEchoReplyV6
           : type != kEchoRequestV4 && type != kEchoReplyV4) {
    return std::nullopt;
  }
  // ICMPv6 checksums cover the IPv6 pseudo-header, which the kernel has already verified.
  if (!ipv6 && internet_checksum(bytes) != 0) return std::nullopt;
  packet.reply = type == (ipv6 ? kEchoReplyV6 : kEchoReplyV4);
  packet.identifier = read_u16(bytes, 4);
  packet.sequence = read_u16(bytes, 6);
  packet.payload.assign(bytes.begin() + kHeaderSize, bytes.end());
  return packet;
}

}  // namespace vigil
