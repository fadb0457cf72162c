#include "probes/ping/icmp_socket.hpp"

#include <arpa/inet.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <array>
#include <cerrno>
#include <cstring>

namespace vigil {
namespace {

namespace asio = boost::asio;

// How many datagrams one wake-up reads before yielding to the rest of the loop.
constexpr int kDatagramsPerWake = 64;
constexpr std::size_t kMaxDatagramSize = 2048;
// ICMP_FILTER and ICMP_ECHOREPLY of <linux/icmp.h>, which cannot be included next to <net/if.h>.
constexpr int kIcmpFilterOption = 1;
constexpr std::uint32_t kEchoReplyType = 0;

// A raw socket gets a copy of every ICMP message the peer sends; letting only echo replies
// through saves waking up for the rest. Best effort: decoding filters them out anyway.
void pass_only_echo_replies(int fd, bool ipv6) {
  if (ipv6) {
    icmp6_filter filter;
    ICMP6_FILTER_SETBLOCKALL(&filter);
    ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &filter);
    setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter, sizeof(filter));
  } else {
    std::uint32_t blocked_types = ~(1u << kEchoReplyType);
    setsockopt(fd, SOL_RAW, kIcmpFilterOption, &blocked_types, sizeof(blocked_types));
  }
}

}  // namespace

struct IcmpSocket::Impl {
  explicit Impl(asio::io_context& io) : descriptor(io) {}

  asio::posix::stream_descriptor descriptor;
  bool raw = false;
  std::string error;
};

IcmpSocket::IcmpSocket(asio::io_context& io) : impl_(std::make_unique<Impl>(io)) {}

IcmpSocket::~IcmpSocket() = default;

std::optional<std::string> IcmpSocket::open(const std::string& address) {
  sockaddr_storage peer{};
  socklen_t peer_size = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&peer);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&peer);
  if (inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    peer_size = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    peer_size = sizeof(sockaddr_in6);
  } else {
    return "not an IP address: " + address;
  }
  bool ipv6 = peer.ss_family == AF_INET6;
  int protocol = ipv6 ? int{IPPROTO_ICMPV6} : int{IPPROTO_ICMP};
  int fd = ::socket(peer.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
  impl_->raw = fd < 0;
  if (fd < 0) {
    std::string datagram_error = std::strerror(errno);
    fd = ::socket(peer.ss_family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0) {
      return std::string("cannot open an ICMP socket (datagram: ") + datagram_error +
             "; raw: " + std::strerror(errno) + ")";
    }
    pass_only_echo_replies(fd, ipv6);
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&peer), peer_size) != 0) {
    std::string error = std::strerror(errno);
    ::close(fd);
    return error;
  }
  impl_->descriptor.assign(fd);
  return std::nullopt;
}

bool IcmpSocket::raw() const {
  return impl_->raw;
}

void IcmpSocket::send(std::span<const std::uint8_t> message) {
  if (::send(impl_->descriptor.native_handle(), message.data(), message.size(), 0) < 0) {
    impl_->error = std::strerror(errno);
  }
}

void IcmpSocket::receive(std::function<void(std::span<const std::uint8_t>)> on_datagram) {
  impl_->descriptor.async_wait(
      asio::posix::descriptor_base::wait_read,
      [this, on_datagram = std::move(on_datagram)](boost::system::error_code ec) mutable {
        if (ec) return;
        std::array<std::uint8_t, kMaxDatagramSize> buffer;
        for (int i = 0; i < kDatagramsPerWake && impl_->descriptor.is_open(); ++i) {
          ssize_t size = ::recv(impl_->descriptor.native_handle(), buffer.data(), buffer.size(), 0);
          if (size >= 0) {
            on_datagram(
                std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(size)));
          } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            break;
          } else if (errno != EINTR) {
            // An ICMP error from the path (e.g. host unreachable), reported once by the kernel.
            impl_->error = std::strerror(errno);
          }
        }
        if (impl_->descriptor.is_open()) receive(std::move(on_datagram));
      });
}

const std::string& IcmpSocket::error() const {
  return impl_->error;
}

void IcmpSocket::close() {
  boost::system::error_code ignored;
  impl_->descriptor.close(ignored);
}

}  // namespace vigil
