#include "alerting/notify/smtp_sender.hpp"

#include "alerting/notify/curl_transfer.hpp"

namespace vigil {
namespace {

SendOutcome smtp_outcome(CURLcode code, const CurlTransfer& transfer) {
  if (code == CURLE_OK) return {true, false, ""};
  long reply = transfer.response_code();
  bool permanent = reply >= 500 || code == CURLE_LOGIN_DENIED || code == CURLE_URL_MALFORMAT ||
                   code == CURLE_UNSUPPORTED_PROTOCOL;
  std::string error = transfer.error(code);
  if (reply > 0) error += " (SMTP " + std::to_string(reply) + ")";
  return {false, !permanent, error};
}

}  // namespace

SmtpSender::SmtpSender(CurlEngine& engine, std::chrono::milliseconds timeout)
    : engine_(engine), timeout_(timeout) {}

void SmtpSender::send(const MailCall& call, std::function<void(SendOutcome)> done) {
  auto transfer = std::make_shared<CurlTransfer>(timeout_);
  CURL* easy = transfer->easy();
  const SmtpSettings& server = call.server;
  std::string url = std::string(server.secure ? "smtps://" : "smtp://") + server.host + ":" +
                    std::to_string(server.port);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (!server.secure) {
    curl_easy_setopt(easy, CURLOPT_USE_SSL, server.starttls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  }
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, server.tls_verify ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, server.tls_verify ? 2L : 0L);
  if (!server.username.empty()) {
    curl_easy_setopt(easy, CURLOPT_USERNAME, server.username.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, server.password.c_str());
  }
  curl_easy_setopt(easy, CURLOPT_MAIL_FROM, ("<" + call.from + ">").c_str());
  transfer->recipients(call.to);
  transfer->upload(call.payload);
  CurlTransfer::start(
      std::move(transfer), engine_,
      [done = std::move(done)](CURLcode code, CurlTransfer& t) { done(smtp_outcome(code, t)); });
}

}  // namespace vigil
