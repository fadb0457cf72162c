#include "probes/sql/sqlite_check.hpp"

#include <sqlite3.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>

namespace vigil {
namespace {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

constexpr std::string_view kScheme = "sqlite://";
constexpr int kProgressSteps = 1000;  // virtual-machine steps between deadline checks
constexpr int kWorkers = 2;

asio::thread_pool& workers() {
  static asio::thread_pool pool(kWorkers);
  return pool;
}

double since(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// Interrupts a statement once the deadline has passed.
int past_deadline(void* deadline) {
  return SteadyClock::now() > *static_cast<SteadyClock::time_point*>(deadline) ? 1 : 0;
}

ErrorKind classify(int code) {
  int primary = code & 0xff;
  if (primary == SQLITE_INTERRUPT || primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return ErrorKind::kTimeout;
  }
  return ErrorKind::kError;
}

// Runs every statement of the query to its end; returns an SQLite code and its message.
int run_query(sqlite3* db, const std::string& query, std::string& message) {
  const char* next = query.c_str();
  const char* end = next + query.size();
  while (next < end) {
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(db, next, static_cast<int>(end - next), &statement, &next);
    if (code != SQLITE_OK) {
      message = sqlite3_errmsg(db);
      return code;
    }
    if (statement == nullptr) continue;  // whitespace or a comment
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (code != SQLITE_DONE) message = sqlite3_errmsg(db);
    sqlite3_finalize(statement);
    if (code != SQLITE_DONE) return code;
  }
  return SQLITE_OK;
}

CheckResult check(const SqlRequest& request) {
  SteadyClock::time_point started = SteadyClock::now();
  SteadyClock::time_point deadline = started + std::chrono::milliseconds(request.timeout_ms);
  std::string path = SqliteCheck::path_of(request.connection);
  sqlite3* db = nullptr;
  // No SQLITE_OPEN_CREATE: a missing file is a DOWN database, not a new empty one.
  int code = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
  std::string message;
  PhaseTimings phases;
  if (code == SQLITE_OK) {
    sqlite3_busy_timeout(db, static_cast<int>(request.timeout_ms));
    sqlite3_progress_handler(db, kProgressSteps, &past_deadline, &deadline);
    // Opening reads nothing; reading the schema proves the file is a database even when the
    // query (SELECT 1) never touches it.
    code = run_query(db, "PRAGMA schema_version", message);
    phases.connect_ms = since(started);
    if (code == SQLITE_OK) code = run_query(db, request.query, message);
  } else {
    message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  }
  sqlite3_close_v2(db);
  phases.total_ms = since(started);
  if (code == SQLITE_OK) return request.result(ErrorKind::kNone, "", phases);
  ErrorKind kind = classify(code);
  if (kind == ErrorKind::kTimeout) message = request.timeout_message() + ": " + message;
  return request.result(kind, path + ": " + message, phases);
}

}  // namespace

std::string SqliteCheck::path_of(std::string_view connection) {
  if (connection.substr(0, kScheme.size()) == kScheme) connection.remove_prefix(kScheme.size());
  return std::string(connection);
}

std::optional<std::string> SqliteCheck::problem(std::string_view connection) {
  if (path_of(connection).empty()) return "must name a database file";
  return std::nullopt;
}

void SqliteCheck::start(asio::io_context& io, SqlRequest request,
                        std::function<void(CheckResult)> done) {
  // The guard keeps the loop running until the result is back on it. It travels with the
  // result, so nothing on the worker refers to the loop once the result is posted.
  auto guard = asio::make_work_guard(io);
  asio::post(workers(), [guard = std::move(guard), request = std::move(request),
                         done = std::move(done)]() mutable {
    auto loop = guard.get_executor();
    CheckResult result = check(request);
    asio::post(loop, [guard = std::move(guard), done = std::move(done),
                      result = std::move(result)]() mutable { done(std::move(result)); });
  });
}

}  // namespace vigil
