#include "http/event_stream.hpp"

#include <utility>

namespace vigil {

bool EventStream::push(std::string_view event, std::string_view data) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    if (pending_events_ >= max_pending_) {
      closed_ = true;
    } else {
      pending_.append("event: ").append(event).append("\ndata: ").append(data).append("\n\n");
      ++pending_events_;
    }
    wake = wake_;
  }
  if (wake) wake();
  return open();
}

void EventStream::close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

bool EventStream::open() const {
  std::lock_guard lock(mutex_);
  return !closed_;
}

std::string EventStream::take() {
  std::lock_guard lock(mutex_);
  pending_events_ = 0;
  return std::exchange(pending_, {});
}

void EventStream::set_waker(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

}  // namespace vigil
