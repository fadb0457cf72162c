#include "probes/sql/mysql_check.hpp"

#include <mysql.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/url/parse.hpp>

#include <charconv>
#include <memory>

#include "probes/sql/driver_socket.hpp"

namespace vigil {
namespace {

constexpr unsigned kClientUnknownHost = 2005;  // CR_UNKNOWN_HOST

Error bad_url(std::string problem) {
  return Error{ErrorCode::kBadRequest, std::move(problem)};
}

ErrorKind classify(unsigned code, std::string_view message) {
  // CR_CONN_HOST_ERROR / CR_CONNECTION_ERROR carry the OS error in parentheses; 111 is
  // ECONNREFUSED.
  if (message.find("(111)") != std::string_view::npos) return ErrorKind::kRefused;
  if (code == kClientUnknownHost) return ErrorKind::kDns;
  return ErrorKind::kError;
}

}  // namespace

//! One check's connection and the libmariadb call it is in the middle of.
struct MysqlCheck::Session : std::enable_shared_from_this<Session> {
  enum class Step { kConnect, kQuery, kStore };

  Session(boost::asio::io_context& io, SqlRequest request, std::function<void(CheckResult)> done)
      : socket(io), request(std::move(request)), done(std::move(done)) {}
  ~Session() { close(); }

  void start() {
    auto self = shared_from_this();
    socket.start_deadline(request.timeout_ms, [self] {
      self->finish(ErrorKind::kTimeout, self->request.timeout_message());
    });
    auto parsed = parse(request.connection);
    if (!parsed) return finish(ErrorKind::kError, parsed.error().message);
    target = std::move(*parsed);
    // "localhost" means the server's Unix socket to libmariadb; any other name is looked up here.
    if (target.host == "localhost" || !DriverSocket::needs_resolving(target.host)) return connect();
    socket.resolve(target.host, [self](const std::string& error, const std::string& address) {
      if (self->finished) return;
      if (!error.empty()) return self->finish(ErrorKind::kDns, self->target.host + ": " + error);
      self->resolved_ip = address;
      self->phases.dns_ms = self->socket.elapsed_ms();
      self->connect();
    });
  }

  void connect() {
    const std::string& host = resolved_ip.empty() ? target.host : resolved_ip;
    mysql = mysql_init(nullptr);
    if (mysql == nullptr)
      return finish(ErrorKind::kError, "libmariadb could not allocate a handle");
    mysql_options(mysql, MYSQL_OPT_NONBLOCK, nullptr);
    MYSQL* connected = nullptr;
    proceed(mysql_real_connect_start(&connected, mysql, host.c_str(), target.user.c_str(),
                                     target.password.c_str(),
                                     target.database.empty() ? nullptr : target.database.c_str(),
                                     target.port, nullptr, 0),
            connected != nullptr);
  }

  // Continues the current call after `events`; returns the wait status and whether it worked.
  int resume(int events, bool& ok) {
    switch (step) {
      case Step::kConnect: {
        MYSQL* connected = nullptr;
        int status = mysql_real_connect_cont(&connected, mysql, events);
        ok = connected != nullptr;
        return status;
      }
      case Step::kQuery: {
        int error = 0;
        int status = mysql_real_query_cont(&error, mysql, events);
        ok = error == 0;
        return status;
      }
      case Step::kStore: {
        MYSQL_RES* rows = nullptr;
        int status = mysql_store_result_cont(&rows, mysql, events);
        keep(rows, ok);
        return status;
      }
    }
    return 0;
  }

  // A statement without rows stores nothing and is no error.
  void keep(MYSQL_RES* rows, bool& ok) {
    if (rows != nullptr) mysql_free_result(rows);
    ok = rows != nullptr || mysql_field_count(mysql) == 0;
  }

  // Waits when the call asked to, else moves on to the next call.
  void proceed(int status, bool ok) {
    if (status != 0) return wait(status);
    if (!ok) return fail();
    switch (step) {
      case Step::kConnect: {
        phases.connect_ms = socket.elapsed_ms();
        step = Step::kQuery;
        int error = 0;
        int next = mysql_real_query_start(&error, mysql, request.query.data(),
                                          static_cast<unsigned long>(request.query.size()));
        return proceed(next, error == 0);
      }
      case Step::kQuery: {
        step = Step::kStore;
        MYSQL_RES* rows = nullptr;
        int next = mysql_store_result_start(&rows, mysql);
        bool stored = false;
        if (next == 0) keep(rows, stored);
        return proceed(next, stored);
      }
      case Step::kStore:
        return finish(ErrorKind::kNone, "");
    }
  }

  void wait(int status) {
    auto self = shared_from_this();
    auto ready_after = [self](int event) {
      return [self, event](const std::string& error) {
        if (self->finished) return;
        if (!error.empty()) return self->finish(ErrorKind::kError, error);
        bool ok = false;
        int next = self->resume(event, ok);
        self->proceed(next, ok);
      };
    };
    if ((status & MYSQL_WAIT_WRITE) != 0) {
      return socket.wait(mysql_get_socket(mysql), true, ready_after(MYSQL_WAIT_WRITE));
    }
    if ((status & (MYSQL_WAIT_READ | MYSQL_WAIT_EXCEPT)) != 0) {
      return socket.wait(mysql_get_socket(mysql), false, ready_after(MYSQL_WAIT_READ));
    }
    socket.sleep(static_cast<long>(mysql_get_timeout_value_ms(mysql)),
                 ready_after(MYSQL_WAIT_TIMEOUT));
  }

  void fail() {
    std::string message = mysql_error(mysql);
    finish(classify(mysql_errno(mysql), message), message);
  }

  void close() {
    if (mysql == nullptr) return;
    // Makes any unfinished read or write fail at once, so mysql_close never waits on the server.
    mariadb_cancel(mysql);
    mysql_close(mysql);
    mysql = nullptr;
  }

  void finish(ErrorKind kind, std::string_view message) {
    if (finished) return;
    finished = true;
    socket.stop();
    std::string text(message);  // may point into the handle that close() frees
    close();
    phases.total_ms = socket.elapsed_ms();
    done(request.result(kind, text, phases, resolved_ip));
  }

  DriverSocket socket;
  SqlRequest request;
  std::function<void(CheckResult)> done;
  Target target;
  MYSQL* mysql = nullptr;
  Step step = Step::kConnect;
  bool finished = false;
  PhaseTimings phases;
  std::string resolved_ip;
};

Result<MysqlCheck::Target> MysqlCheck::parse(std::string_view connection) {
  auto url = boost::urls::parse_uri(connection);
  if (!url) return bad_url("must be a URL like mysql://user:password@host:3306/database");
  if (url->scheme() != "mysql" && url->scheme() != "mariadb") {
    return bad_url("must start with mysql:// or mariadb://");
  }
  if (!url->has_authority() || url->encoded_host().empty()) return bad_url("has no host");
  if (url->has_query() || url->has_fragment()) {
    return bad_url("parameters after '?' or '#' are not supported");
  }
  Target target;
  target.host = url->host_type() == boost::urls::host_type::ipv6
                    ? url->host_ipv6_address().to_string()
                    : std::string(url->host_address());
  if (url->has_port()) {
    // port_number() wraps large values around; read the digits instead.
    std::string_view digits = url->port();
    unsigned port = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (error != std::errc() || end != digits.data() + digits.size() || port < 1 || port > 65535) {
      return bad_url("has a port outside 1..65535");
    }
    target.port = port;
  }
  target.user = url->user();
  target.password = url->password();
  std::string path = url->path();
  target.database = path.empty() ? path : path.substr(1);
  if (target.database.find('/') != std::string::npos)
    return bad_url("has more than one path segment");
  return target;
}

std::optional<std::string> MysqlCheck::problem(std::string_view connection) {
  auto target = parse(connection);
  if (target) return std::nullopt;
  return target.error().message;
}

void MysqlCheck::start(boost::asio::io_context& io, SqlRequest request,
                       std::function<void(CheckResult)> done) {
  auto session = std::make_shared<Session>(io, std::move(request), std::move(done));
  boost::asio::post(io, [session] { session->start(); });
}

}  // namespace vigil
