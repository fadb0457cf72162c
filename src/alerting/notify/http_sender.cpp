#include "alerting/notify/http_sender.hpp"

#include "alerting/notify/curl_transfer.hpp"

namespace vigil {
namespace {

constexpr const char* kUserAgent = "Vigil-Notifier/0.1";

bool permanent_curl_error(CURLcode code) {
  return code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL ||
         code == CURLE_FAILED_INIT;
}

SendOutcome http_outcome(CURLcode code, const CurlTransfer& transfer) {
  if (code != CURLE_OK) return {false, !permanent_curl_error(code), transfer.error(code)};
  long status = transfer.response_code();
  if (status >= 200 && status < 300) return {true, false, ""};
  bool retryable = status == 408 || status == 429 || status >= 500;
  std::string error = "HTTP " + std::to_string(status);
  if (!transfer.response().empty()) error += ": " + transfer.response();
  return {false, retryable, error};
}

}  // namespace

HttpSender::HttpSender(CurlEngine& engine, std::chrono::milliseconds timeout)
    : engine_(engine), timeout_(timeout) {}

void HttpSender::send(const HttpCall& call, const std::string& idempotency_key,
                      std::function<void(SendOutcome)> done) {
  auto transfer = std::make_shared<CurlTransfer>(timeout_);
  CURL* easy = transfer->easy();
  curl_easy_setopt(easy, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  if (!call.body.empty() || call.method != "GET") {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
    curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, call.body.c_str());
  }
  for (const auto& line : call.headers) transfer->add_header(line);
  transfer->add_header("Idempotency-Key: " + idempotency_key);
  transfer->add_header("Expect:");
  transfer->use_headers();
  CurlTransfer::start(
      std::move(transfer), engine_,
      [done = std::move(done)](CURLcode code, CurlTransfer& t) { done(http_outcome(code, t)); });
}

}  // namespace vigil
