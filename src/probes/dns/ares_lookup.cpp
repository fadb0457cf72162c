#include "probes/dns/ares_lookup.hpp"

#include <ares.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <map>
#include <memory>

namespace vigil {
namespace {

namespace asio = boost::asio;

constexpr int kClassInternet = 1;

// c-ares' global state, set up once for the process.
void init_library_once() {
  [[maybe_unused]] static const int kInitialised = ares_library_init(ARES_LIB_INIT_ALL);
}

// Drives one c-ares channel on an Asio loop: a descriptor wait for each socket c-ares asks to
// watch (ARES_OPT_SOCK_STATE_CB), a timer for ares_timeout, and a hard deadline.
class ChannelDriver : public std::enable_shared_from_this<ChannelDriver> {
 public:
  ChannelDriver(asio::io_context& io, std::function<void(DnsReply)> done)
      : io_(io), process_timer_(io), deadline_(io), done_(std::move(done)) {}

  void start(const AresQuery& query) {
    init_library_once();
    timeout_ms_ = query.timeout_ms;
    ares_options options{};
    options.flags = ARES_FLAG_NOCHECKRESP | ARES_FLAG_NOSEARCH | (query.tcp ? ARES_FLAG_USEVC : 0);
    options.timeout = static_cast<int>(query.timeout_ms);
    options.tries = 1;
    options.sock_state_cb = &ChannelDriver::on_socket_state;
    options.sock_state_cb_data = this;
    int mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_SOCK_STATE_CB;
    int status = ares_init_options(&channel_, &options, mask);
    if (status != ARES_SUCCESS) {
      channel_ = nullptr;
      return answer(status, nullptr, 0);
    }
    if (!query.servers.empty()) {
      status = ares_set_servers_ports_csv(channel_, query.servers.c_str());
    }
    if (status != ARES_SUCCESS) return answer(status, nullptr, 0);
    auto self = shared_from_this();
    deadline_.expires_after(std::chrono::milliseconds(query.timeout_ms));
    deadline_.async_wait([self](boost::system::error_code ec) {
      if (ec || self->answered_) return;
      self->timed_out_ = true;
      ares_cancel(self->channel_);
    });
    ares_query(channel_, query.name.c_str(), kClassInternet, static_cast<int>(query.type),
               &ChannelDriver::on_answer, this);
    schedule_processing();
  }

 private:
  // One socket c-ares asked to watch.
  struct Watch {
    Watch(asio::io_context& io, int fd) : descriptor(io, fd), fd(fd) {}
    asio::posix::stream_descriptor descriptor;
    int fd;
    bool want_read = false;
    bool want_write = false;
    bool reading = false;
    bool writing = false;
    bool closed = false;
  };

  static void on_socket_state(void* data, ares_socket_t fd, int readable, int writable) {
    auto* self = static_cast<ChannelDriver*>(data);
    auto found = self->watches_.find(fd);
    if (!readable && !writable) {
      if (found == self->watches_.end()) return;
      Watch& watch = *found->second;
      watch.closed = true;
      boost::system::error_code ignored;
      watch.descriptor.cancel(ignored);
      watch.descriptor.release();  // c-ares closes the socket itself
      self->watches_.erase(found);
      return;
    }
    if (found == self->watches_.end()) {
      found = self->watches_.emplace(fd, std::make_shared<Watch>(self->io_, fd)).first;
    }
    found->second->want_read = readable != 0;
    found->second->want_write = writable != 0;
    self->arm(found->second);
  }

  static void on_answer(void* data, int status, int, unsigned char* message, int length) {
    static_cast<ChannelDriver*>(data)->answer(status, message, length);
  }

  void arm(const std::shared_ptr<Watch>& watch) {
    auto self = shared_from_this();
    if (watch->want_read && !watch->reading) {
      watch->reading = true;
      watch->descriptor.async_wait(asio::posix::stream_descriptor::wait_read,
                                   [self, watch](boost::system::error_code ec) {
                                     watch->reading = false;
                                     if (!ec) self->ready(watch, true);
                                   });
    }
    if (watch->want_write && !watch->writing) {
      watch->writing = true;
      watch->descriptor.async_wait(asio::posix::stream_descriptor::wait_write,
                                   [self, watch](boost::system::error_code ec) {
                                     watch->writing = false;
                                     if (!ec) self->ready(watch, false);
                                   });
    }
  }

  void ready(const std::shared_ptr<Watch>& watch, bool readable) {
    if (watch->closed || answered_) return;
    ares_process_fd(channel_, readable ? watch->fd : ARES_SOCKET_BAD,
                    readable ? ARES_SOCKET_BAD : watch->fd);
    if (!watch->closed && !answered_) arm(watch);
    schedule_processing();
  }

  // Wakes c-ares when its next retry or timeout is due.
  void schedule_processing() {
    if (answered_) return;
    timeval storage{};
    timeval* next = ares_timeout(channel_, nullptr, &storage);
    if (next == nullptr) return;
    auto self = shared_from_this();
    process_timer_.expires_after(std::chrono::seconds(next->tv_sec) +
                                 std::chrono::microseconds(next->tv_usec));
    process_timer_.async_wait([self](boost::system::error_code ec) {
      if (ec || self->answered_) return;
      ares_process_fd(self->channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
      self->schedule_processing();
    });
  }

  // c-ares may call back from inside its own functions, where the channel must not be
  // destroyed: keep the reply and finish from the loop.
  void answer(int status, const unsigned char* message, int length) {
    if (answered_) return;
    answered_ = true;
    if (message != nullptr && length > 0) {
      reply_.message.assign(message, message + length);
    } else if (timed_out_ || status == ARES_ETIMEOUT) {
      reply_.error = ErrorKind::kTimeout;
      reply_.error_message = "no answer within " + std::to_string(timeout_ms_) + " ms";
    } else if (status == ARES_ECONNREFUSED) {
      reply_.error = ErrorKind::kRefused;  // c-ares' word for a refused or closed connection
      reply_.error_message = "connection refused or closed without an answer";
    } else {
      reply_.error = ErrorKind::kDns;
      reply_.error_message = ares_strerror(status);
    }
    asio::post(io_, [self = shared_from_this()] { self->finish(); });
  }

  void finish() {
    process_timer_.cancel();
    deadline_.cancel();
    if (channel_ != nullptr) ares_destroy(channel_);
    channel_ = nullptr;
    done_(std::move(reply_));
  }

  asio::io_context& io_;
  ares_channel channel_ = nullptr;
  std::map<int, std::shared_ptr<Watch>> watches_;
  asio::steady_timer process_timer_;
  asio::steady_timer deadline_;
  std::function<void(DnsReply)> done_;
  DnsReply reply_;
  long timeout_ms_ = 0;
  bool answered_ = false;
  bool timed_out_ = false;
};

}  // namespace

void ares_lookup(asio::io_context& io, const AresQuery& query, std::function<void(DnsReply)> done) {
  std::make_shared<ChannelDriver>(io, std::move(done))->start(query);
}

}  // namespace vigil
