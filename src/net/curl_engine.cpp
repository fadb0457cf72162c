#include "net/curl_engine.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <unordered_map>
#include <utility>

namespace vigil {

namespace asio = boost::asio;

struct CurlEngine::Impl {
  // One socket curl asked us to watch. Connection sockets are opened by us (OPENSOCKETFUNCTION) so
  // Asio deregisters them before they are closed; a socket curl opened itself (the threaded
  // resolver's wake-up pair) is watched through a dup so curl may close its own copy at any time.
  struct Socket {
    Socket(asio::io_context& io, curl_socket_t curl_fd, int own_fd, bool opened_by_us)
        : descriptor(io, own_fd), curl_fd(curl_fd), opened_by_us(opened_by_us) {}

    asio::posix::stream_descriptor descriptor;
    curl_socket_t curl_fd;
    bool opened_by_us;
    int wanted = 0;  // CURL_POLL_* mask curl currently asks for
    bool reading = false;
    bool writing = false;
    bool closed = false;
  };

  explicit Impl(asio::io_context& io) : io(io), timer(io), multi(curl_multi_init()) {
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Impl::on_socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Impl::on_timer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
  }

  ~Impl() {
    // Removing a handle closes its connection through close_socket, so this runs while every
    // member is still alive; the callbacks are dropped without being called.
    for (auto& [easy, done] : transfers) curl_multi_remove_handle(multi, easy);
    curl_multi_cleanup(multi);
    for (auto& [fd, socket] : sockets) close_watched(*socket);
    timer.cancel();
    transfers.clear();
  }

  using SocketPtr = std::shared_ptr<Socket>;

  static curl_socket_t open_socket(void* self, curlsocktype, curl_sockaddr* address) {
    auto* impl = static_cast<Impl*>(self);
    int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    if (fd < 0) return CURL_SOCKET_BAD;
    impl->forget(fd);  // a stale watch left by a foreign socket curl closed without telling
    auto socket = std::make_shared<Socket>(impl->io, fd, fd, true);
    impl->sockets.emplace(fd, std::move(socket));
    return fd;
  }

  static int close_socket(void* self, curl_socket_t fd) {
    auto* impl = static_cast<Impl*>(self);
    auto it = impl->sockets.find(fd);
    if (it == impl->sockets.end()) return ::close(fd);
    close_watched(*it->second);
    impl->sockets.erase(it);
    return 0;
  }

  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) {
    auto* impl = static_cast<Impl*>(self);
    auto it = impl->sockets.find(fd);
    if (what == CURL_POLL_REMOVE) {
      if (it == impl->sockets.end()) return 0;
      it->second->wanted = 0;
      if (!it->second->opened_by_us) impl->forget(fd);
      return 0;
    }
    if (it == impl->sockets.end()) {
      int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
      if (copy < 0) return -1;
      it = impl->sockets.emplace(fd, std::make_shared<Socket>(impl->io, fd, copy, false)).first;
    }
    it->second->wanted = what;
    impl->arm(it->second);
    return 0;
  }

  static int on_timer(CURLM*, long timeout_ms, void* self) {
    auto* impl = static_cast<Impl*>(self);
    if (timeout_ms < 0) {
      impl->timer.cancel();
      return 0;
    }
    impl->timer.expires_after(std::chrono::milliseconds(timeout_ms));
    impl->timer.async_wait([impl, life = impl->life()](boost::system::error_code ec) {
      if (ec || life.expired()) return;
      impl->act(CURL_SOCKET_TIMEOUT, 0);
    });
    return 0;
  }

  static void close_watched(Socket& socket) {
    socket.closed = true;
    boost::system::error_code ignored;
    socket.descriptor.close(ignored);
  }

  void forget(curl_socket_t fd) {
    auto it = sockets.find(fd);
    if (it == sockets.end()) return;
    close_watched(*it->second);
    sockets.erase(it);
  }

  std::weak_ptr<int> life() const { return alive; }

  // Waits for each direction curl wants that is not already being waited for.
  void arm(const SocketPtr& socket) {
    if ((socket->wanted & CURL_POLL_IN) && !socket->reading) {
      socket->reading = true;
      wait(socket, asio::posix::descriptor_base::wait_read, CURL_CSELECT_IN);
    }
    if ((socket->wanted & CURL_POLL_OUT) && !socket->writing) {
      socket->writing = true;
      wait(socket, asio::posix::descriptor_base::wait_write, CURL_CSELECT_OUT);
    }
  }

  void wait(const SocketPtr& socket, asio::posix::descriptor_base::wait_type type, int event) {
    socket->descriptor.async_wait(
        type, [this, life = life(), socket, event](boost::system::error_code ec) {
          (event == CURL_CSELECT_IN ? socket->reading : socket->writing) = false;
          if (life.expired() || socket->closed || ec == asio::error::operation_aborted) return;
          int poll = event == CURL_CSELECT_IN ? CURL_POLL_IN : CURL_POLL_OUT;
          if (!(socket->wanted & poll)) return;
          act(socket->curl_fd, ec ? CURL_CSELECT_ERR : event);
          if (!socket->closed) arm(socket);
        });
  }

  // Lets curl progress on `fd` (or its timers), then reports every finished transfer.
  void act(curl_socket_t fd, int events) {
    int running = 0;
    curl_multi_socket_action(multi, fd, events, &running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      finish(message->easy_handle, message->data.result);
    }
  }

  void finish(CURL* easy, CURLcode code) {
    auto it = transfers.find(easy);
    if (it == transfers.end()) return;
    auto done = std::move(it->second);
    transfers.erase(it);
    curl_multi_remove_handle(multi, easy);
    done(code);
  }

  asio::io_context& io;
  asio::steady_timer timer;
  CURLM* multi;
  std::unordered_map<curl_socket_t, SocketPtr> sockets;
  std::unordered_map<CURL*, std::function<void(CURLcode)>> transfers;
  std::shared_ptr<int> alive = std::make_shared<int>(0);
};

CurlEngine::CurlEngine(asio::io_context& io) : impl_(std::make_unique<Impl>(io)) {}

CurlEngine::~CurlEngine() = default;

void CurlEngine::perform(CURL* easy, std::function<void(CURLcode)> done) {
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Impl::open_socket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, impl_.get());
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &Impl::close_socket);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, impl_.get());
  impl_->transfers.emplace(easy, std::move(done));
  CURLMcode added = curl_multi_add_handle(impl_->multi, easy);
  if (added == CURLM_OK) return;
  // Report the refusal from the loop, like any other completion.
  auto it = impl_->transfers.find(easy);
  asio::post(impl_->io, [done = std::move(it->second)] { done(CURLE_FAILED_INIT); });
  impl_->transfers.erase(it);
}

void CurlEngine::cancel(CURL* easy) {
  impl_->finish(easy, CURLE_ABORTED_BY_CALLBACK);
}

std::size_t CurlEngine::active() const {
  return impl_->transfers.size();
}

}  // namespace vigil
