#include "probes/dns/dot_lookup.hpp"

#include <ares.h>
#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <random>

namespace vigil {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using asio::ip::tcp;

constexpr int kClassInternet = 1;
constexpr std::size_t kHeaderSize = 12;

// One client context per trust mode, shared by every check: loading the CA store is costly.
ssl::context& tls_context(bool verify) {
  static ssl::context verifying = [] {
    ssl::context context(ssl::context::tls_client);
    boost::system::error_code ignored;  // without a store every chain fails verification
    context.set_default_verify_paths(ignored);
    context.set_verify_mode(ssl::verify_peer);
    return context;
  }();
  static ssl::context trusting = [] {
    ssl::context context(ssl::context::tls_client);
    context.set_verify_mode(ssl::verify_none);
    return context;
  }();
  return verify ? verifying : trusting;
}

// The query message, length-prefixed as on a stream; empty when the name cannot be encoded.
std::vector<unsigned char> framed_query(const DotQuery& query, unsigned short id) {
  unsigned char* encoded = nullptr;
  int length = 0;
  if (ares_create_query(query.name.c_str(), kClassInternet, static_cast<int>(query.type), id, 1,
                        &encoded, &length, 0) != ARES_SUCCESS) {
    return {};
  }
  std::vector<unsigned char> framed{static_cast<unsigned char>(length >> 8),
                                    static_cast<unsigned char>(length & 0xFF)};
  framed.insert(framed.end(), encoded, encoded + length);
  ares_free_string(encoded);
  return framed;
}

ErrorKind classify_connect(const boost::system::error_code& ec) {
  if (ec == asio::error::connection_refused) return ErrorKind::kRefused;
  if (ec == asio::error::timed_out) return ErrorKind::kTimeout;
  return ErrorKind::kError;
}

// One exchange: connect, handshake, write, read the length, read the message; one deadline.
class DotExchange : public std::enable_shared_from_this<DotExchange> {
 public:
  DotExchange(asio::io_context& io, const DotQuery& query, std::function<void(DnsReply)> done)
      : query_(query),
        stream_(io, tls_context(!query.allow_self_signed)),
        deadline_(io),
        done_(std::move(done)) {}

  void start() {
    boost::system::error_code ec;
    auto address = asio::ip::make_address(query_.server_ip, ec);
    id_ = static_cast<unsigned short>(std::random_device{}());
    request_ = framed_query(query_, id_);
    if (ec || request_.empty()) {
      return asio::post(stream_.get_executor(), [self = shared_from_this()] {
        self->finish(ErrorKind::kDns, "cannot encode the query");
      });
    }
    std::string verified = query_.server_name.empty() ? query_.server_ip : query_.server_name;
    if (!query_.server_name.empty()) {
      SSL_set_tlsext_host_name(stream_.native_handle(), query_.server_name.c_str());
    }
    if (!query_.allow_self_signed)
      stream_.set_verify_callback(ssl::host_name_verification(verified));
    auto self = shared_from_this();
    deadline_.expires_after(std::chrono::milliseconds(query_.timeout_ms));
    deadline_.async_wait([self](boost::system::error_code ec) {
      if (ec) return;
      self->finish(ErrorKind::kTimeout,
                   "no answer within " + std::to_string(self->query_.timeout_ms) + " ms");
    });
    stream_.next_layer().async_connect(
        tcp::endpoint(address, static_cast<unsigned short>(query_.port)),
        [self](boost::system::error_code ec) {
          if (ec) return self->finish(classify_connect(ec), ec.message());
          self->handshake();
        });
  }

 private:
  void handshake() {
    auto self = shared_from_this();
    stream_.async_handshake(ssl::stream_base::client, [self](boost::system::error_code ec) {
      if (ec) return self->finish(ErrorKind::kTls, "TLS handshake failed: " + ec.message());
      asio::async_write(self->stream_, asio::buffer(self->request_),
                        [self](boost::system::error_code ec, std::size_t) {
                          if (ec) return self->finish(ErrorKind::kProtocol, ec.message());
                          self->read_length();
                        });
    });
  }

  void read_length() {
    auto self = shared_from_this();
    asio::async_read(stream_, asio::buffer(length_),
                     [self](boost::system::error_code ec, std::size_t) {
                       if (ec) return self->closed(ec);
                       std::size_t size = self->length_[0] * 256u + self->length_[1];
                       if (size < kHeaderSize) {
                         return self->finish(ErrorKind::kProtocol,
                                             "malformed DNS response: shorter than a DNS header");
                       }
                       self->response_.resize(size);
                       self->read_message();
                     });
  }

  void read_message() {
    auto self = shared_from_this();
    asio::async_read(
        stream_, asio::buffer(response_), [self](boost::system::error_code ec, std::size_t) {
          if (ec) return self->closed(ec);
          unsigned id = self->response_[0] * 256u + self->response_[1];
          if (id != self->id_) {
            return self->finish(ErrorKind::kProtocol, "the response answers another query");
          }
          self->finish(ErrorKind::kNone, "");
        });
  }

  void closed(const boost::system::error_code& ec) {
    finish(ErrorKind::kProtocol, "connection closed before a whole answer: " + ec.message());
  }

  void finish(ErrorKind error, std::string message) {
    if (finished_) return;
    finished_ = true;
    deadline_.cancel();
    boost::system::error_code ignored;
    stream_.next_layer().close(ignored);
    DnsReply reply;
    reply.error = error;
    reply.error_message = std::move(message);
    if (error == ErrorKind::kNone) reply.message = std::move(response_);
    done_(std::move(reply));
  }

  DotQuery query_;
  ssl::stream<tcp::socket> stream_;
  asio::steady_timer deadline_;
  std::function<void(DnsReply)> done_;
  unsigned short id_ = 0;
  std::vector<unsigned char> request_;
  std::array<unsigned char, 2> length_{};
  std::vector<unsigned char> response_;
  bool finished_ = false;
};

}  // namespace

void dot_lookup(asio::io_context& io, const DotQuery& query, std::function<void(DnsReply)> done) {
  std::make_shared<DotExchange>(io, query, std::move(done))->start();
}

}  // namespace vigil
