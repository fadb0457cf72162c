#pragma once

#include <curl/curl.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "net/curl_engine.hpp"

namespace vigil {

//! One libcurl easy handle with what it needs while it runs (header list, error text, the
//! payload it uploads, the response it collects), run on a CurlEngine.
class CurlTransfer {
 public:
  //! Called when the transfer ended, with curl's code and the transfer itself.
  using Done = std::function<void(CURLcode, CurlTransfer&)>;

  //! A fresh handle limited to `timeout` in all.
  explicit CurlTransfer(std::chrono::milliseconds timeout);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  //! The handle, for options.
  CURL* easy() const { return easy_; }
  //! Adds a request header ("Name: value").
  void add_header(const std::string& line);
  //! Sets CURLOPT_HTTPHEADER to the headers added.
  void use_headers();
  //! Sends `payload` as an upload (SMTP DATA).
  void upload(std::string payload);
  //! Recipients for SMTP (CURLOPT_MAIL_RCPT).
  void recipients(const std::vector<std::string>& addresses);
  //! The last response code (HTTP status or SMTP reply).
  long response_code() const;
  //! The first bytes of the response body.
  const std::string& response() const { return response_; }
  //! curl's message for a failure ("" when none).
  std::string error(CURLcode code) const;

  //! Runs `transfer` on `engine` (the loop's thread) and calls `done` when it ends.
  static void start(std::shared_ptr<CurlTransfer> transfer, CurlEngine& engine, Done done);

 private:
  static std::size_t receive(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t send(char* buffer, std::size_t size, std::size_t count, void* self);

  CURL* easy_;
  curl_slist* headers_ = nullptr;
  curl_slist* recipients_ = nullptr;
  char error_[CURL_ERROR_SIZE] = {};
  std::string payload_;
  std::size_t sent_ = 0;
  std::string response_;
};

}  // namespace vigil
