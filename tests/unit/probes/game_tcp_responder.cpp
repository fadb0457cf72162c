#include "game_tcp_responder.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "loopback_socket.hpp"

namespace vigil::testing {
namespace {

constexpr int kPollMs = 20;

bool wait_readable(int fd) {
  pollfd ready{fd, POLLIN, 0};
  return poll(&ready, 1, kPollMs) > 0;
}

}  // namespace

GameTcpResponder::GameTcpResponder(Answer answer) : answer_(std::move(answer)) {
  fd_ = bind_loopback(SOCK_STREAM, port_);
  if (listen(fd_, 8) != 0) throw std::runtime_error("cannot listen on 127.0.0.1");
  thread_ = std::thread([this] { serve(); });
}

GameTcpResponder::~GameTcpResponder() {
  stop_ = true;
  thread_.join();
  close(fd_);
}

void GameTcpResponder::serve() {
  while (!stop_) {
    if (!wait_readable(fd_)) continue;
    int client = accept(fd_, nullptr, nullptr);
    if (client < 0) continue;
    converse(client);
    close(client);
  }
}

void GameTcpResponder::converse(int client) {
  std::string received;
  char buffer[4096];
  while (!stop_) {
    if (!wait_readable(client)) continue;
    ssize_t size = recv(client, buffer, sizeof buffer, 0);
    if (size <= 0) return;
    received.append(buffer, static_cast<std::size_t>(size));
    if (auto reply = answer_(received)) {
      std::size_t sent = 0;
      while (sent < reply->size()) {
        ssize_t written = send(client, reply->data() + sent, reply->size() - sent, MSG_NOSIGNAL);
        if (written <= 0) return;
        sent += static_cast<std::size_t>(written);
      }
      return;
    }
  }
}

}  // namespace vigil::testing
