#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigil::testing {

//! One request as a RecordingHttpServer received it.
struct ReceivedRequest {
  std::string method;
  std::string target;                          //!< path and query as sent
  std::map<std::string, std::string> headers;  //!< names in lower case
  std::string body;
};

//! A small HTTP/1.1 server on 127.0.0.1 that records every request and answers each with the
//! status set by respond_with() (200 at first), one connection at a time, closing each.
class RecordingHttpServer {
 public:
  //! Listens on `port` (0: a free one); throws std::runtime_error when it cannot.
  explicit RecordingHttpServer(int port = 0);
  ~RecordingHttpServer();
  RecordingHttpServer(const RecordingHttpServer&) = delete;
  RecordingHttpServer& operator=(const RecordingHttpServer&) = delete;

  //! The port it listens on.
  int port() const { return port_; }
  //! "http://127.0.0.1:<port><path>".
  std::string url(const std::string& path = "") const;
  //! Answers the following requests with `status`.
  void respond_with(int status) { status_ = status; }
  //! The requests received so far, in order.
  std::vector<ReceivedRequest> requests() const;

 private:
  void serve();
  void handle(int fd);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> status_{200};
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
  std::thread thread_;
};

}  // namespace vigil::testing
