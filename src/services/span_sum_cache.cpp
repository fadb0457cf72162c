#include "services/span_sum_cache.hpp"

namespace vigil {

std::shared_ptr<const SpanSumCache::Sums> SpanSumCache::get(const RollupSpan& span,
                                                            const Reader& read) {
  const Key key{span.granularity, span.from, span.to};
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) return it->second;
    generation = generation_;
  }
  // Read outside the lock: two first readers of one span both read, and the first stored wins.
  auto sums = std::make_shared<const Sums>(read(span));
  std::lock_guard lock(mutex_);
  if (generation != generation_) return sums;
  const auto [it, inserted] = entries_.try_emplace(key, std::move(sums));
  if (inserted) {
    order_.push_back(key);
    if (order_.size() > capacity_) {
      entries_.erase(order_.front());
      order_.pop_front();
    }
  }
  return it->second;
}

void SpanSumCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  order_.clear();
  ++generation_;
}

}  // namespace vigil
