#include "probes/sql/postgres_check.hpp"

#include <libpq-fe.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <memory>

#include "core/error.hpp"
#include "probes/sql/driver_socket.hpp"

namespace vigil {
namespace {

ErrorKind classify_connect_failure(std::string_view message) {
  if (message.find("Connection refused") != std::string_view::npos) return ErrorKind::kRefused;
  if (message.find("could not translate host name") != std::string_view::npos) {
    return ErrorKind::kDns;
  }
  return ErrorKind::kError;
}

// The host settings of a connection string, as libpq reads them.
struct HostSettings {
  std::string host;
  std::string hostaddr;
};

// libpq's own parse of `connection`, or why libpq cannot use it.
Result<HostSettings> parse_hosts(const std::string& connection) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(connection.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? error : "cannot be parsed";
    PQfreemem(error);
    return Error{ErrorCode::kBadRequest, message.substr(0, message.find_last_not_of(" \n") + 1)};
  }
  HostSettings hosts;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    std::string_view keyword = option->keyword;
    if (option->val == nullptr) continue;
    if (keyword == "host") hosts.host = option->val;
    if (keyword == "hostaddr") hosts.hostaddr = option->val;
  }
  PQconninfoFree(options);
  return hosts;
}

}  // namespace

//! One check's connection and its progress through connect, send and receive.
struct PostgresCheck::Session : std::enable_shared_from_this<Session> {
  Session(boost::asio::io_context& io, SqlRequest request, std::function<void(CheckResult)> done)
      : socket(io), request(std::move(request)), done(std::move(done)) {}
  ~Session() {
    if (conn != nullptr) PQfinish(conn);
  }

  void start() {
    auto self = shared_from_this();
    socket.start_deadline(request.timeout_ms, [self] {
      self->finish(ErrorKind::kTimeout, self->request.timeout_message());
    });
    auto hosts = parse_hosts(request.connection);
    if (!hosts) return finish(ErrorKind::kError, hosts.error().message);
    std::string host = hosts->host;
    if (!hosts->hostaddr.empty() || !DriverSocket::needs_resolving(host)) return connect();
    socket.resolve(host, [self, host](const std::string& error, const std::string& address) {
      if (self->finished) return;
      if (!error.empty()) return self->finish(ErrorKind::kDns, host + ": " + error);
      self->resolved_ip = address;
      self->phases.dns_ms = self->socket.elapsed_ms();
      self->connect();
    });
  }

  void connect() {
    // expand_dbname: the URL or keyword string in "dbname" supplies every other setting;
    // a resolved address goes in hostaddr so libpq does not look the name up again.
    const char* const keys[] = {"dbname", resolved_ip.empty() ? nullptr : "hostaddr", nullptr};
    const char* const values[] = {request.connection.c_str(), resolved_ip.c_str(), nullptr};
    conn = PQconnectStartParams(keys, values, 1);
    if (conn == nullptr) return finish(ErrorKind::kError, "libpq could not allocate a connection");
    if (PQstatus(conn) == CONNECTION_BAD) return fail_connect();
    // libpq's protocol: after PQconnectStart, behave as if PQconnectPoll asked for writability.
    wait(true, &Session::poll_connect);
  }

  void wait(bool writable, void (Session::*next)()) {
    auto self = shared_from_this();
    socket.wait(PQsocket(conn), writable, [self, next](const std::string& error) {
      if (self->finished) return;
      if (!error.empty()) return self->finish(ErrorKind::kError, error);
      ((*self).*next)();
    });
  }

  void poll_connect() {
    switch (PQconnectPoll(conn)) {
      case PGRES_POLLING_READING:
        return wait(false, &Session::poll_connect);
      case PGRES_POLLING_WRITING:
        return wait(true, &Session::poll_connect);
      case PGRES_POLLING_OK:
        return send_query();
      default:
        return fail_connect();
    }
  }

  void fail_connect() {
    std::string message = PQerrorMessage(conn);
    finish(classify_connect_failure(message), message);
  }

  void send_query() {
    phases.connect_ms = socket.elapsed_ms();
    if (PQsetnonblocking(conn, 1) != 0 || PQsendQuery(conn, request.query.c_str()) == 0) {
      return finish(ErrorKind::kError, PQerrorMessage(conn));
    }
    flush();
  }

  void flush() {
    int pending = PQflush(conn);
    if (pending < 0) return finish(ErrorKind::kError, PQerrorMessage(conn));
    wait(pending == 1, pending == 1 ? &Session::flush : &Session::receive);
  }

  void receive() {
    if (PQconsumeInput(conn) == 0) return finish(ErrorKind::kError, PQerrorMessage(conn));
    while (PQisBusy(conn) == 0) {
      PGresult* result = PQgetResult(conn);
      if (result == nullptr) {
        return finish(query_error.empty() ? ErrorKind::kNone : ErrorKind::kError, query_error);
      }
      ExecStatusType status = PQresultStatus(result);
      std::string message = PQresultErrorMessage(result);
      PQclear(result);
      if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
        // A COPY would wait for data forever; it is no health check.
        return finish(ErrorKind::kError, "COPY is not supported in a check query");
      }
      if (query_error.empty() && (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE)) {
        query_error = message.empty() ? "the query failed" : message;
      }
    }
    wait(false, &Session::receive);
  }

  void finish(ErrorKind kind, std::string_view message) {
    if (finished) return;
    finished = true;
    socket.stop();
    // Closing the connection also abandons a query still running on the server.
    if (conn != nullptr) PQfinish(conn);
    conn = nullptr;
    phases.total_ms = socket.elapsed_ms();
    done(request.result(kind, message, phases, resolved_ip));
  }

  DriverSocket socket;
  SqlRequest request;
  std::function<void(CheckResult)> done;
  PGconn* conn = nullptr;
  bool finished = false;
  PhaseTimings phases;
  std::string resolved_ip;
  std::string query_error;
};

std::optional<std::string> PostgresCheck::problem(std::string_view connection) {
  auto hosts = parse_hosts(std::string(connection));
  if (hosts) return std::nullopt;
  // libpq quotes the parts it cannot read, which may include the password.
  return SecretScrubber::for_connection_string(connection).scrub(hosts.error().message);
}

void PostgresCheck::start(boost::asio::io_context& io, SqlRequest request,
                          std::function<void(CheckResult)> done) {
  auto session = std::make_shared<Session>(io, std::move(request), std::move(done));
  boost::asio::post(io, [session] { session->start(); });
}

}  // namespace vigil
