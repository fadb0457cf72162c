#include "alerting/notify/curl_transfer.hpp"

#include <algorithm>
#include <cstring>

namespace vigil {
namespace {

constexpr std::size_t kResponseKept = 512;

}  // namespace

CurlTransfer::CurlTransfer(std::chrono::milliseconds timeout) : easy_(curl_easy_init()) {
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &CurlTransfer::receive);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
}

CurlTransfer::~CurlTransfer() {
  curl_easy_cleanup(easy_);
  curl_slist_free_all(headers_);
  curl_slist_free_all(recipients_);
}

void CurlTransfer::add_header(const std::string& line) {
  headers_ = curl_slist_append(headers_, line.c_str());
}

void CurlTransfer::use_headers() {
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
}

void CurlTransfer::upload(std::string payload) {
  payload_ = std::move(payload);
  curl_easy_setopt(easy_, CURLOPT_READFUNCTION, &CurlTransfer::send);
  curl_easy_setopt(easy_, CURLOPT_READDATA, this);
  curl_easy_setopt(easy_, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(easy_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(payload_.size()));
}

void CurlTransfer::recipients(const std::vector<std::string>& addresses) {
  for (const auto& address : addresses) {
    recipients_ = curl_slist_append(recipients_, ("<" + address + ">").c_str());
  }
  curl_easy_setopt(easy_, CURLOPT_MAIL_RCPT, recipients_);
}

long CurlTransfer::response_code() const {
  long code = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

std::string CurlTransfer::error(CURLcode code) const {
  return error_[0] != '\0' ? std::string(error_) : std::string(curl_easy_strerror(code));
}

void CurlTransfer::start(std::shared_ptr<CurlTransfer> transfer, CurlEngine& engine, Done done) {
  CURL* easy = transfer->easy_;
  engine.perform(easy, [transfer = std::move(transfer), done = std::move(done)](CURLcode code) {
    done(code, *transfer);
  });
}

std::size_t CurlTransfer::receive(char* data, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<CurlTransfer*>(self);
  std::size_t bytes = size * count;
  std::size_t room = kResponseKept - std::min(kResponseKept, transfer->response_.size());
  transfer->response_.append(data, std::min(bytes, room));
  return bytes;
}

std::size_t CurlTransfer::send(char* buffer, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<CurlTransfer*>(self);
  std::size_t bytes = std::min(size * count, transfer->payload_.size() - transfer->sent_);
  std::memcpy(buffer, transfer->payload_.data() + transfer->sent_, bytes);
  transfer->sent_ += bytes;
  return bytes;
}

}  // namespace vigil
