#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "http/event_stream.hpp"
#include "services/live_state.hpp"

namespace vigil {

//! Feeds `/api/live`: server-sent `status` events whenever a monitor's shown status changes.
//! poll() is called about once a second; it does nothing while LiveState's revision stands still.
class LiveFeed {
 public:
  explicit LiveFeed(const LiveState& live, std::size_t max_subscribers = 10000);

  //! A stream of changes for `tags` (every monitor when empty) that starts with their current
  //! statuses; nullptr when max_subscribers streams are already open.
  std::shared_ptr<EventStream> subscribe(const std::vector<std::string>& tags);
  //! Pushes the statuses changed since the last poll to the streams watching them.
  void poll();
  //! Streams currently open.
  std::size_t subscribers() const;

 private:
  struct Subscriber {
    std::shared_ptr<EventStream> stream;
    std::unordered_set<std::string> tags;  //!< empty = every monitor
  };

  const LiveState& live_;
  std::size_t max_subscribers_;
  mutable std::mutex mutex_;
  std::vector<Subscriber> subscribers_;
  std::unordered_map<std::string, Status> last_;
  std::uint64_t last_revision_ = 0;
};

//! The JSON payload of one `status` event.
std::string live_event_json(const std::string& tag, const LiveStatus& status);

}  // namespace vigil
