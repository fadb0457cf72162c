#include "recording_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace vigil::testing {
namespace {

constexpr int kPollMs = 20;
constexpr int kReadMs = 5000;

//! Reads more bytes into `buffer`; false on close, error or timeout.
bool read_more(int fd, std::string& buffer) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, kReadMs) <= 0) return false;
  char chunk[4096];
  ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

RecordingHttpServer::RecordingHttpServer(int port) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 64) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listener_);
    throw std::runtime_error("RecordingHttpServer: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

RecordingHttpServer::~RecordingHttpServer() {
  stopping_ = true;
  thread_.join();
  ::close(listener_);
}

std::string RecordingHttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> RecordingHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void RecordingHttpServer::serve() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, kPollMs) <= 0) continue;
    int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    handle(fd);
    ::close(fd);
  }
}

void RecordingHttpServer::handle(int fd) {
  std::string buffer;
  std::size_t head_end;
  while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!read_more(fd, buffer)) return;
  }
  ReceivedRequest request;
  std::size_t line_end = buffer.find("\r\n");
  std::string first = buffer.substr(0, line_end);
  std::size_t space = first.find(' ');
  request.method = first.substr(0, space);
  request.target = first.substr(space + 1, first.rfind(' ') - space - 1);
  for (std::size_t at = line_end + 2; at < head_end;) {
    std::size_t end = buffer.find("\r\n", at);
    std::string line = buffer.substr(at, end - at);
    at = end + 2;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    request.headers[lower(line.substr(0, colon))] = trimmed(line.substr(colon + 1));
  }
  std::size_t length = 0;
  if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
    length = std::stoul(it->second);
  }
  while (buffer.size() < head_end + 4 + length) {
    if (!read_more(fd, buffer)) return;
  }
  request.body = buffer.substr(head_end + 4, length);
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
  }
  std::string response = "HTTP/1.1 " + std::to_string(status_.load()) +
                         " Recorded\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                         "Connection: close\r\n\r\nok";
  ::send(fd, response.data(), response.size(), MSG_NOSIGNAL);
}

}  // namespace vigil::testing
