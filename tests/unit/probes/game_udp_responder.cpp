#include "game_udp_responder.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "loopback_socket.hpp"

namespace vigil::testing {
namespace {

constexpr int kPollMs = 20;

}  // namespace

GameUdpResponder::GameUdpResponder(Answer answer) : answer_(std::move(answer)) {
  fd_ = bind_loopback(SOCK_DGRAM, port_);
  thread_ = std::thread([this] { serve(); });
}

GameUdpResponder::~GameUdpResponder() {
  stop_ = true;
  thread_.join();
  close(fd_);
}

std::vector<std::string> GameUdpResponder::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void GameUdpResponder::serve() {
  char buffer[65536];
  while (!stop_) {
    pollfd ready{fd_, POLLIN, 0};
    if (poll(&ready, 1, kPollMs) <= 0) continue;
    sockaddr_in peer{};
    socklen_t length = sizeof peer;
    ssize_t size =
        recvfrom(fd_, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&peer), &length);
    if (size < 0) continue;
    std::string request(buffer, static_cast<std::size_t>(size));
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }
    for (const std::string& reply : answer_(request)) {
      sendto(fd_, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&peer), length);
    }
  }
}

}  // namespace vigil::testing
