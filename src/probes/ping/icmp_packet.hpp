#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace vigil {

//! One ICMP (IPv4) or ICMPv6 echo message, request or reply, and its wire form.
struct IcmpPacket {
  bool ipv6 = false;                  //!< ICMPv6 (types 128/129) rather than ICMP (8/0)
  bool reply = false;                 //!< an echo reply rather than a request
  std::uint16_t identifier = 0;       //!< rewritten by the kernel on datagram sockets
  std::uint16_t sequence = 0;         //!< which echo of a round this is
  std::vector<std::uint8_t> payload;  //!< echoed back unchanged by the peer

  //! The wire bytes. The ICMP checksum is filled in; ICMPv6's is left 0 for the kernel, which
  //! computes it over the IPv6 pseudo-header.
  std::vector<std::uint8_t> encode() const;
  //! Parses an echo request or reply. `ip_header`: the bytes start with an IPv4 header (raw IPv4
  //! sockets), which is checked and skipped. Nullopt for anything else: other types, truncated
  //! bytes, a bad IPv4 header or a wrong ICMP checksum.
  static std::optional<IcmpPacket> decode(std::span<const std::uint8_t> bytes, bool ipv6,
                                          bool ip_header);
};

//! The Internet checksum (RFC 1071) of `bytes`: 0 over a message whose checksum field is right.
std::uint16_t internet_checksum(std::span<const std::uint8_t> bytes);

}  // namespace vigil
