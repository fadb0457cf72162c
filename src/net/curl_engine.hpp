#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <functional>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace vigil {

//! libcurl's multi interface driven by an Asio event loop: the one engine for every outbound
//! HTTP request. All calls must be made on the loop's thread.
class CurlEngine {
 public:
  explicit CurlEngine(boost::asio::io_context& io);
  ~CurlEngine();
  CurlEngine(const CurlEngine&) = delete;
  CurlEngine& operator=(const CurlEngine&) = delete;

  //! Runs `easy` to completion on the loop and then calls `done` with curl's result code.
  //! The caller owns the handle and keeps it alive until `done` runs.
  void perform(CURL* easy, std::function<void(CURLcode)> done);
  //! Aborts a transfer started with perform(); `done` is called with CURLE_ABORTED_BY_CALLBACK.
  void cancel(CURL* easy);
  //! Number of transfers in progress.
  std::size_t active() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil
