#include "probes/gamedig/fivem_query.hpp"

#include <curl/curl.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "net/curl_engine.hpp"
#include "net/curl_error_kind.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxBodyBytes = 1 << 20;
constexpr long kHttpOk = 200;
constexpr char kUserAgent[] = "Vigil uptime monitor";

//! One GET in flight: the handle and the body collected so far (at most kMaxBodyBytes).
struct Fetch {
  Fetch() : easy(curl_easy_init()) {}
  ~Fetch() { curl_easy_cleanup(easy); }
  Fetch(const Fetch&) = delete;
  Fetch& operator=(const Fetch&) = delete;

  static std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* fetch = static_cast<Fetch*>(user);
    std::size_t bytes = size * count;
    if (fetch->body.size() + bytes > kMaxBodyBytes) {
      fetch->too_big = true;
      return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    fetch->body.append(data, bytes);
    return bytes;
  }

  CURL* easy;
  std::string body;
  bool too_big = false;
  char error[CURL_ERROR_SIZE] = {};
};

std::string base_url(const QueryTarget& target) {
  std::string host = target.host;
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(target.port);
}

// A reply cut short or too large for a game server's info is the server's fault: a protocol error.
ErrorKind classify(CURLcode code) {
  switch (code) {
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return ErrorKind::kProtocol;
    default:
      return curl_error_kind(code);
  }
}

// GETs `url` and hands the finished fetch (and curl's code) to `then`.
void get(ProbeContext& ctx, const std::string& url, long timeout_ms,
         std::function<void(Fetch&, CURLcode)> then) {
  auto fetch = std::make_shared<Fetch>();
  CURL* easy = fetch->easy;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http");
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, fetch->error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(kMaxBodyBytes));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Fetch::collect);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, fetch.get());
  ctx.curl.perform(easy, [fetch, then = std::move(then)](CURLcode code) { then(*fetch, code); });
}

std::string failure_message(const Fetch& fetch, CURLcode code) {
  if (fetch.too_big || code == CURLE_FILESIZE_EXCEEDED)
    return "reply larger than " + std::to_string(kMaxBodyBytes) + " bytes";
  return fetch.error[0] != '\0' ? fetch.error : curl_easy_strerror(code);
}

std::string string_field(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

QueryOutcome FiveMQuery::parse_info(std::string_view body) {
  boost::system::error_code ec;
  json::value info = json::parse(body, ec);
  const json::value* vars =
      !ec && info.is_object() ? info.get_object().if_contains("vars") : nullptr;
  if (vars == nullptr || !vars->is_object()) {
    return query_failure(ErrorKind::kProtocol, "info.json is not an object with vars");
  }
  const json::object& variables = vars->get_object();
  QueryOutcome outcome;
  outcome.facts.name = string_field(variables, "sv_projectName");
  if (outcome.facts.name.empty()) outcome.facts.name = string_field(variables, "sv_hostname");
  outcome.facts.map = string_field(variables, "mapname");
  outcome.facts.max_players = parse_int(string_field(variables, "sv_maxClients"));
  outcome.facts.version = string_field(info.get_object(), "server");
  return outcome;
}

void FiveMQuery::run(ProbeContext& ctx, const QueryTarget& target,
                     std::function<void(QueryOutcome)> done) const {
  std::string base = base_url(target);
  get(ctx, base + "/info.json", target.timeout_ms,
      [&ctx, base, timeout_ms = target.timeout_ms, done = std::move(done)](Fetch& fetch,
                                                                           CURLcode code) {
        long http_code = 0;
        curl_easy_getinfo(fetch.easy, CURLINFO_RESPONSE_CODE, &http_code);
        if (code != CURLE_OK)
          return done(query_failure(classify(code), failure_message(fetch, code)));
        if (http_code != kHttpOk) {
          return done(query_failure(ErrorKind::kProtocol,
                                    "info.json answered HTTP " + std::to_string(http_code)));
        }
        QueryOutcome outcome = parse_info(fetch.body);
        curl_off_t micros = 0;
        curl_easy_getinfo(fetch.easy, CURLINFO_TOTAL_TIME_T, &micros);
        outcome.latency_ms = static_cast<double>(micros) / 1000.0;
        if (outcome.error != ErrorKind::kNone) return done(std::move(outcome));
        // players.json is optional: servers may hide it, so only a malformed answer fails.
        long remaining_ms = std::max(1L, timeout_ms - static_cast<long>(outcome.latency_ms));
        get(ctx, base + "/players.json", remaining_ms,
            [outcome = std::move(outcome), done](Fetch& players, CURLcode code) mutable {
              long players_code = 0;
              curl_easy_getinfo(players.easy, CURLINFO_RESPONSE_CODE, &players_code);
              if (code == CURLE_OK && players_code == kHttpOk) {
                boost::system::error_code ec;
                json::value list = json::parse(players.body, ec);
                if (ec || !list.is_array()) {
                  return done(query_failure(ErrorKind::kProtocol, "players.json is not a list"));
                }
                outcome.facts.players = static_cast<int>(list.get_array().size());
              }
              done(std::move(outcome));
            });
      });
}

}  // namespace vigil
