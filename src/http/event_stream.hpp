#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace vigil {

//! The body of a server-sent-events response: the application pushes events from any thread,
//! the HTTP server writes them to the client as they come. Bounded: a client that does not read
//! fast enough is disconnected instead of buffering without limit.
class EventStream {
 public:
  //! `max_pending` events may wait for the client before it is dropped.
  explicit EventStream(std::size_t max_pending = 256) : max_pending_(max_pending) {}

  //! Queues one event (`event:` name and `data:` payload, a single line). Returns false when
  //! the stream is closed (client gone or too slow).
  bool push(std::string_view event, std::string_view data);
  //! Closes the stream; the server ends the response.
  void close();
  //! True until the client or the application closed the stream.
  bool open() const;

  //! Server side: takes the queued wire bytes (empty when nothing is queued).
  std::string take();
  //! Server side: `wake` is called (from the pushing thread) whenever bytes or a close arrive.
  void set_waker(std::function<void()> wake);

 private:
  mutable std::mutex mutex_;
  std::string pending_;
  std::size_t pending_events_ = 0;
  std::size_t max_pending_;
  bool closed_ = false;
  std::function<void()> wake_;
};

}  // namespace vigil
