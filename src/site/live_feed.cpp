#include "site/live_feed.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace vigil {

std::string live_event_json(const std::string& tag, const LiveStatus& status) {
  return boost::json::serialize(boost::json::object{
      {"tag", tag},
      {"status", to_string(status.status)},
      {"latency_ms", status.latency_ms},
      {"at_ms", status.at_ms},
  });
}

LiveFeed::LiveFeed(const LiveState& live, std::size_t max_subscribers)
    : live_(live), max_subscribers_(max_subscribers) {}

std::shared_ptr<EventStream> LiveFeed::subscribe(const std::vector<std::string>& tags) {
  Subscriber subscriber{std::make_shared<EventStream>(), {tags.begin(), tags.end()}};
  for (const auto& [tag, status] : live_.snapshot()) {
    if (subscriber.tags.empty() || subscriber.tags.contains(tag)) {
      subscriber.stream->push("status", live_event_json(tag, status));
    }
  }
  std::lock_guard lock(mutex_);
  std::erase_if(subscribers_, [](const Subscriber& s) { return !s.stream->open(); });
  if (subscribers_.size() >= max_subscribers_) return nullptr;
  subscribers_.push_back(subscriber);
  return subscriber.stream;
}

void LiveFeed::poll() {
  const std::uint64_t revision = live_.revision();
  std::lock_guard lock(mutex_);
  if (revision == last_revision_) return;
  last_revision_ = revision;
  for (const auto& [tag, status] : live_.snapshot()) {
    auto [it, inserted] = last_.try_emplace(tag, status.status);
    if (!inserted && it->second == status.status) continue;
    it->second = status.status;
    const std::string json = live_event_json(tag, status);
    for (const auto& subscriber : subscribers_) {
      if (subscriber.tags.empty() || subscriber.tags.contains(tag)) {
        subscriber.stream->push("status", json);
      }
    }
  }
  std::erase_if(subscribers_, [](const Subscriber& s) { return !s.stream->open(); });
}

std::size_t LiveFeed::subscribers() const {
  std::lock_guard lock(mutex_);
  return std::count_if(subscribers_.begin(), subscribers_.end(),
                       [](const Subscriber& s) { return s.stream->open(); });
}

}  // namespace vigil
