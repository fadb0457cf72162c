#include "probes/api/api_probe.hpp"

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "net/curl_engine.hpp"
#include "net/curl_error_kind.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 7> kMethods = {"GET",    "POST", "PUT",    "PATCH",
                                                      "DELETE", "HEAD", "OPTIONS"};
// The body is kept only for conditions that read it; past this size the answer is taken as
// complete.
constexpr std::size_t kMaxBodyBytes = 1 << 20;
constexpr std::size_t kMaxConditions = 64;
constexpr long kMaxTimeoutMs = 10 * 60 * 1000;
constexpr const char* kUserAgent = "Vigil/0.1";

bool has_http_scheme(std::string_view url) {
  std::string lower(url.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return lower.starts_with("http://") || lower.starts_with("https://");
}

void read_header_list(TypeDataReader& reader, const json::array& list,
                      ApiProbe::Settings& settings) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string path = reader.path_of("headers") + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      reader.fail("headers", "[" + std::to_string(i) + "] must be an object with key and value");
      continue;
    }
    TypeDataReader entry = reader.nested(list[i].get_object(), path);
    auto key = entry.string("key", true);
    auto value = entry.string("value");
    entry.reject_unknown();
    if (key) settings.headers.emplace_back(*key, value.value_or(""));
  }
}

void read_headers(TypeDataReader& reader, ApiProbe::Settings& settings) {
  const json::value* headers = reader.raw("headers");
  if (headers == nullptr) return;
  if (headers->is_array()) return read_header_list(reader, headers->get_array(), settings);
  if (!headers->is_object()) {
    reader.fail("headers", "must be a list of {key, value} or an object");
    return;
  }
  for (const auto& field : headers->get_object()) {
    if (!field.value().is_string()) {
      reader.fail("headers", std::string(field.key()) + " must be a string");
      continue;
    }
    settings.headers.emplace_back(field.key(), field.value().get_string());
  }
}

void read_conditions(TypeDataReader& reader, ApiProbe::Settings& settings) {
  const json::value* list = reader.raw("conditions");
  if (list == nullptr) return;
  if (!list->is_array() || list->get_array().size() > kMaxConditions) {
    reader.fail("conditions", "must be a list of at most " + std::to_string(kMaxConditions) +
                                  " strings such as \"[STATUS] == 200\"");
    return;
  }
  for (std::size_t i = 0; i < list->get_array().size(); ++i) {
    std::string key = "conditions[" + std::to_string(i) + "]";
    const json::value& item = list->get_array()[i];
    if (!item.is_string()) {
      reader.fail(key, "must be a string");
      continue;
    }
    auto condition = Condition::parse(item.get_string());
    if (!condition) {
      reader.fail(key, condition.error().message);
      continue;
    }
    settings.conditions.add(std::move(*condition));
  }
  settings.status_by_conditions = !settings.conditions.empty();
}

// Uptime Kuma's keyword check, evaluated as one more condition on the body.
void read_keyword(TypeDataReader& reader, ApiProbe::Settings& settings) {
  auto keyword = reader.string("keyword");
  bool inverted = reader.boolean("invertKeyword").value_or(false);
  if (!keyword) {
    if (inverted) reader.fail("invertKeyword", "needs a keyword");
    return;
  }
  if (keyword->empty() || keyword->size() > Condition::kMaxLength) {
    reader.fail("keyword", "must be 1 to " + std::to_string(Condition::kMaxLength) + " characters");
    return;
  }
  settings.conditions.add(Condition::body_contains(*keyword, inverted));
}

double seconds_info_ms(CURL* easy, CURLINFO info) {
  curl_off_t micros = 0;
  curl_easy_getinfo(easy, info, &micros);
  return static_cast<double>(micros) / 1000.0;
}

// Turns curl's cumulative timestamps into the duration of each phase.
PhaseTimings phases_of(CURL* easy) {
  double resolved = seconds_info_ms(easy, CURLINFO_NAMELOOKUP_TIME_T);
  double connected = seconds_info_ms(easy, CURLINFO_CONNECT_TIME_T);
  double handshaken = seconds_info_ms(easy, CURLINFO_APPCONNECT_TIME_T);
  double first_byte = seconds_info_ms(easy, CURLINFO_STARTTRANSFER_TIME_T);
  double ready = std::max(connected, handshaken);
  PhaseTimings phases;
  phases.dns_ms = resolved;
  phases.connect_ms = std::max(0.0, connected - resolved);
  phases.tls_ms = handshaken > 0 ? std::max(0.0, handshaken - connected) : 0;
  phases.first_byte_ms = first_byte > 0 ? std::max(0.0, first_byte - ready) : 0;
  phases.total_ms = seconds_info_ms(easy, CURLINFO_TOTAL_TIME_T);
  return phases;
}

}  // namespace

//! One request in flight: the curl handle and what it needs until the engine reports back.
struct ApiProbe::Exchange {
  Exchange() : easy(curl_easy_init()) {}
  ~Exchange() {
    curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  static std::size_t receive(char* data, std::size_t size, std::size_t count, void* self) {
    auto* exchange = static_cast<Exchange*>(self);
    exchange->body_bytes += size * count;
    if (exchange->body_bytes > kMaxBodyBytes) {
      exchange->body_capped = true;
      return 0;
    }
    if (exchange->keep_body) exchange->body.append(data, size * count);
    return size * count;
  }

  // `by_conditions`: conditions replace the 2xx/3xx/429 rule (Settings::status_by_conditions).
  CheckResult result(CURLcode code, std::optional<double> degraded_above_ms, bool by_conditions,
                     const ConditionSet& conditions) {
    CheckResult result;
    result.started_ms = started_ms;
    long http_code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &http_code);
    result.http_code = static_cast<int>(http_code);
    result.phases = phases_of(easy);
    result.latency_ms = result.phases.total_ms;
    const char* ip = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) {
      result.resolved_ip = ip;
    }
    bool answered = code == CURLE_OK || (code == CURLE_WRITE_ERROR && body_capped);
    bool healthy = (http_code >= 200 && http_code < 400) || http_code == 429;
    result.status = Status::kUp;
    if (!answered) {
      result.status = Status::kDown;
      result.error_kind = curl_error_kind(code);
      result.error_message = error[0] != '\0' ? error : curl_easy_strerror(code);
    } else if (!healthy && !by_conditions) {
      result.status = Status::kDown;
      result.error_message = "HTTP status " + std::to_string(http_code);
    }
    // Outcomes are recorded even when the exchange failed, so the UI can show every condition.
    result.body = std::move(body);
    bool all_hold = conditions.evaluate(result);
    result.body.clear();
    if (!all_hold && result.status == Status::kUp) {
      result.status = Status::kDown;
      auto failed = std::find_if(result.conditions.begin(), result.conditions.end(),
                                 [](const ConditionOutcome& o) { return !o.success; });
      result.error_message = ConditionSet::failure_message(*failed);
    }
    if (result.status == Status::kUp && degraded_above_ms &&
        result.latency_ms > *degraded_above_ms) {
      result.status = Status::kDegraded;
    }
    return result;
  }

  CURL* easy;
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  std::size_t body_bytes = 0;
  bool body_capped = false;
  bool keep_body = false;  // a condition reads the body
  std::string body;
  Millis started_ms = 0;
};

Result<ApiProbe::Settings> ApiProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  if (auto url = reader->string("url", true)) {
    if (!url->starts_with('$') && !has_http_scheme(*url)) {
      reader->fail("url", "must start with http:// or https://");
    }
    settings.url = *url;
  }
  if (auto method = reader->string("method")) {
    std::string upper = *method;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (std::find(kMethods.begin(), kMethods.end(), upper) == kMethods.end()) {
      reader->fail("method", "must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    }
    settings.method = upper;
  }
  read_headers(*reader, settings);
  settings.body = reader->string("body").value_or("");
  settings.timeout_ms = reader->integer("timeout", 1, kMaxTimeoutMs).value_or(settings.timeout_ms);
  settings.allow_self_signed_cert = reader->boolean("allowSelfSignedCert").value_or(false);
  settings.follow_redirects = reader->boolean("follow_redirects").value_or(true);
  settings.max_redirects = reader->integer("max_redirects", 0, 100).value_or(5);
  settings.degraded_above_ms = reader->number("degraded_above_ms", 0);
  read_conditions(*reader, settings);
  read_keyword(*reader, settings);
  reader->ignore("eval");  // Kener's JavaScript evaluator; not run (yet)
  if (auto error = reader->finish()) return *error;
  return settings;
}

ApiProbe::ApiProbe(Settings settings, EnvLookup env)
    : settings_(std::move(settings)),
      env_(std::move(env)),
      conditions_(std::make_shared<const ConditionSet>(settings_.conditions)) {}

void ApiProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  auto exchange = std::make_shared<Exchange>();
  CURL* easy = exchange->easy;
  if (easy == nullptr) {
    CheckResult failed;
    failed.status = Status::kDown;
    failed.error_kind = ErrorKind::kError;
    failed.error_message = "could not create a curl handle";
    boost::asio::post(ctx.io,
                      [done = std::move(done), failed = std::move(failed)] { done(failed); });
    return;
  }
  std::string url = substitute_env(settings_.url, env_);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, exchange->error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, settings_.timeout_ms);
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, settings_.follow_redirects ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, settings_.max_redirects);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, settings_.allow_self_signed_cert ? 0L : 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, settings_.allow_self_signed_cert ? 0L : 2L);
  exchange->keep_body = conditions_->needs_body();
  exchange->started_ms = ctx.clock.now_ms();
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Exchange::receive);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, exchange.get());
  if (settings_.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (settings_.method != "GET") {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, settings_.method.c_str());
  }
  if (settings_.method != "GET" && settings_.method != "HEAD" &&
      (!settings_.body.empty() || settings_.method == "POST")) {
    std::string body = substitute_env(settings_.body, env_);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, body.c_str());
  }
  for (const auto& [name, value] : settings_.headers) {
    std::string resolved = substitute_env(value, env_);
    // "Name;" is curl's spelling for a header sent with an empty value.
    std::string line = resolved.empty() ? name + ";" : name + ": " + resolved;
    exchange->headers = curl_slist_append(exchange->headers, line.c_str());
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, exchange->headers);
  ctx.curl.perform(easy, [exchange, conditions = conditions_, done = std::move(done),
                          degraded = settings_.degraded_above_ms,
                          by_conditions = settings_.status_by_conditions](CURLcode code) {
    done(exchange->result(code, degraded, by_conditions, *conditions));
  });
}

ProbeKind api_probe_kind() {
  return parsed_probe_kind<ApiProbe>("API", [](auto settings, const MonitorSpec&) {
    return Result<std::unique_ptr<Probe>>(
        std::make_unique<ApiProbe>(std::move(settings), process_environment()));
  });
}

}  // namespace vigil
