#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace boost::asio {
class io_context;
}

namespace vigil {

//! An ICMP or ICMPv6 socket connected to one address, on the event loop: an unprivileged
//! datagram socket where net.ipv4.ping_group_range allows it, a raw socket otherwise. Being
//! connected, it only receives what that address sends.
class IcmpSocket {
 public:
  //! A closed socket on `io`.
  explicit IcmpSocket(boost::asio::io_context& io);
  ~IcmpSocket();
  //! Not copyable: it owns the socket.
  IcmpSocket(const IcmpSocket&) = delete;
  IcmpSocket& operator=(const IcmpSocket&) = delete;

  //! Opens a socket towards the numeric IPv4 or IPv6 `address`; the error text when neither kind
  //! of socket can be opened.
  std::optional<std::string> open(const std::string& address);
  //! True for a raw socket: it sees every ICMP message from the peer, and IPv4 ones arrive with
  //! their IP header; a datagram socket sees only replies to its own echoes.
  bool raw() const;
  //! Sends one ICMP message; a refusal by the kernel is kept in error().
  void send(std::span<const std::uint8_t> message);
  //! Calls `on_datagram` for each datagram that arrives, until close().
  void receive(std::function<void(std::span<const std::uint8_t>)> on_datagram);
  //! The last error of a send or receive (e.g. "No route to host"), empty if none.
  const std::string& error() const;
  //! Closes the socket and cancels receive(); the callback is released.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil
