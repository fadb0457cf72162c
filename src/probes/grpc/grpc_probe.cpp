#include "probes/grpc/grpc_probe.hpp"

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>

#include "net/curl_engine.hpp"
#include "net/curl_error_kind.hpp"
#include "probes/grpc/grpc_frame.hpp"
#include "probes/grpc/health_check_message.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;
// A HealthCheckResponse is a few bytes; anything past this is not one.
constexpr std::size_t kMaxReplyBytes = 64 * 1024;
constexpr std::size_t kMaxServiceBytes = 1024;
constexpr const char* kUserAgent = "Vigil/0.1";
constexpr const char* kPath = "/grpc.health.v1.Health/Check";
constexpr std::string_view kHostForbidden = " /?#@\\\t\r\n";
constexpr int kGrpcDeadlineExceeded = 4;
constexpr int kGrpcNotFound = 5;
constexpr std::array<std::string_view, 17> kGrpcCodeNames = {
    "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
    "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
    "DATA_LOSS", "UNAUTHENTICATED"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// grpc-message is percent-encoded (gRPC over HTTP/2, "Responses").
std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::optional<int> parse_grpc_status(const std::string& text) {
  if (text.empty() || text.size() > 3 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return std::stoi(text);
}

std::string grpc_code_text(int code) {
  std::string text = "grpc-status " + std::to_string(code);
  if (code >= 0 && code < static_cast<int>(kGrpcCodeNames.size())) {
    text += " " + std::string(kGrpcCodeNames[static_cast<std::size_t>(code)]);
  }
  return text;
}

CheckResult down(ErrorKind kind, std::string message) {
  CheckResult result;
  result.status = Status::kDown;
  result.error_kind = kind;
  result.error_message = std::move(message);
  return result;
}

}  // namespace

//! One call in flight: the curl handle, the reply as it arrives, and the headers and trailers
//! that matter.
struct GrpcProbe::Call {
  Call() : easy(curl_easy_init()) {}
  ~Call() {
    curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  static std::size_t receive(char* data, std::size_t size, std::size_t count, void* self) {
    auto* call = static_cast<Call*>(self);
    if (call->reply.size() + size * count > kMaxReplyBytes) {
      call->reply_capped = true;
      return 0;
    }
    call->reply.append(data, size * count);
    return size * count;
  }

  // Called for every header line and, after the body, every trailer line.
  static std::size_t header(char* data, std::size_t size, std::size_t count, void* self) {
    auto* call = static_cast<Call*>(self);
    std::string_view line(data, size * count);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return size * count;
    std::string name = lower(trim(line.substr(0, colon)));
    std::string value = trim(line.substr(colon + 1));
    if (name == "content-type") call->content_type = value;
    if (name == "grpc-status") call->grpc_status = value;
    if (name == "grpc-message") call->grpc_message = percent_decode(value);
    return size * count;
  }

  // Everything but the latency, which the caller adds.
  CheckResult classify(CURLcode code) const {
    if (reply_capped) {
      return down(ErrorKind::kProtocol, "reply larger than " + std::to_string(kMaxReplyBytes) +
                                            " bytes; not a health check answer");
    }
    if (code != CURLE_OK) {
      return down(curl_error_kind(code), error[0] != '\0' ? error : curl_easy_strerror(code));
    }
    long version = 0;
    curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
    if (version != CURL_HTTP_VERSION_2_0) {
      return down(ErrorKind::kProtocol, "not a gRPC server: it did not speak HTTP/2");
    }
    long http_code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &http_code);
    if (http_code != 200) {
      return down(ErrorKind::kProtocol,
                  "not a gRPC reply: HTTP status " + std::to_string(http_code));
    }
    if (!lower(content_type).starts_with("application/grpc")) {
      return down(ErrorKind::kProtocol, "not a gRPC reply: content-type \"" + content_type + "\"");
    }
    auto status = parse_grpc_status(grpc_status);
    if (!status) {
      return down(ErrorKind::kProtocol, grpc_status.empty()
                                            ? "no grpc-status in the reply's trailers"
                                            : "bad grpc-status \"" + grpc_status + "\"");
    }
    if (*status != 0) return failed_call(*status);
    auto message = grpc_unframe(reply);
    if (!message) return down(ErrorKind::kProtocol, message.error().message);
    auto serving = decode_health_check_response(*message);
    if (!serving) return down(ErrorKind::kProtocol, serving.error().message);
    return answered(*serving);
  }

  CheckResult failed_call(int status) const {
    std::string text = grpc_code_text(status);
    if (!grpc_message.empty()) text += ": " + grpc_message;
    CheckResult result;
    result.details = "grpc_status=" + std::to_string(status);
    if (status == kGrpcNotFound) {
      // The standard health service's answer for a service it does not know.
      result.status = Status::kDegraded;
      result.error_message = "service unknown (" + text + ")";
      return result;
    }
    result.status = Status::kDown;
    result.error_kind = status == kGrpcDeadlineExceeded ? ErrorKind::kTimeout : ErrorKind::kError;
    result.error_message = std::move(text);
    return result;
  }

  static CheckResult answered(ServingStatus serving) {
    CheckResult result;
    result.details = "grpc_status=0; serving_status=" + to_string(serving);
    switch (serving) {
      case ServingStatus::kServing:
        result.status = Status::kUp;
        return result;
      case ServingStatus::kNotServing:
        result.status = Status::kDown;
        result.error_message = "NOT_SERVING";
        return result;
      default:
        result.status = Status::kDegraded;
        result.error_message = "serving status " + to_string(serving);
        return result;
    }
  }

  CheckResult result(CURLcode code) const {
    CheckResult result = classify(code);
    curl_off_t micros = 0;
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &micros);
    result.latency_ms = static_cast<double>(micros) / 1000.0;
    result.phases.total_ms = result.latency_ms;
    const char* ip = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) {
      result.resolved_ip = ip;
    }
    result.started_ms = started_ms;
    return result;
  }

  CURL* easy;
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  std::string reply;
  bool reply_capped = false;
  std::string content_type;
  std::string grpc_status;
  std::string grpc_message;
  Millis started_ms = 0;
};

Result<GrpcProbe::Settings> GrpcProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  if (auto host = reader->string("host", true)) {
    if (host->empty() || host->find_first_of(kHostForbidden) != std::string::npos) {
      reader->fail("host", "must be a host name or an IP address");
    }
    settings.host = *host;
  }
  settings.port = static_cast<int>(reader->integer("port", 1, 65535).value_or(settings.port));
  settings.service = reader->string("service").value_or("");
  if (settings.service.size() > kMaxServiceBytes) {
    reader->fail("service", "must be at most " + std::to_string(kMaxServiceBytes) + " bytes");
  }
  settings.tls = reader->boolean("tls").value_or(false);
  settings.insecure = reader->boolean("insecure").value_or(false);
  settings.timeout_ms = reader->integer("timeout", 1, kMaxTimeoutMs).value_or(settings.timeout_ms);
  if (auto error = reader->finish()) return *error;
  return settings;
}

GrpcProbe::GrpcProbe(Settings settings)
    : settings_(std::move(settings)),
      request_(grpc_frame(encode_health_check_request(settings_.service))) {
  std::string host = settings_.host;
  if (host.find(':') != std::string::npos && !host.starts_with('[')) host = "[" + host + "]";
  url_ = std::string(settings_.tls ? "https://" : "http://") + host + ":" +
         std::to_string(settings_.port) + kPath;
}

void GrpcProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  auto call = std::make_shared<Call>();
  CURL* easy = call->easy;
  if (easy == nullptr) {
    boost::asio::post(ctx.io, [done = std::move(done)] {
      done(down(ErrorKind::kError, "could not create a curl handle"));
    });
    return;
  }
  curl_easy_setopt(easy, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  // Cleartext gRPC is HTTP/2 from the first byte; over TLS, ALPN must pick h2 (checked after).
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                   settings_.tls ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, call->error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, settings_.timeout_ms);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, settings_.insecure ? 0L : 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, settings_.insecure ? 0L : 2L);
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request_.size()));
  curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, request_.data());
  for (const std::string& line :
       {std::string("Content-Type: application/grpc"), std::string("TE: trailers"),
        "grpc-timeout: " + std::to_string(settings_.timeout_ms) + "m", std::string("Expect:")}) {
    call->headers = curl_slist_append(call->headers, line.c_str());
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, call->headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Call::receive);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, call.get());
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Call::header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, call.get());
  call->started_ms = ctx.clock.now_ms();
  ctx.curl.perform(easy,
                   [call, done = std::move(done)](CURLcode code) { done(call->result(code)); });
}

ProbeKind grpc_probe_kind() {
  return parsed_probe_kind<GrpcProbe>("GRPC");
}

}  // namespace vigil
