#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "core/bucket.hpp"
#include "core/rollup_plan.hpp"

namespace vigil {

//! Per-monitor sums of rollup spans that lie wholly in the settled past, kept so that a page or
//! badge summing 90 days reads them once instead of on every render. A bounded FIFO: the spans at
//! a moving window's front are replaced as it moves. Rewrites of the past clear it.
class SpanSumCache {
 public:
  //! Per monitor, the merge of one span's rows.
  using Sums = std::map<std::string, Bucket>;
  //! Reads one span from the rollups.
  using Reader = std::function<Sums(const RollupSpan&)>;

  explicit SpanSumCache(std::size_t capacity = 256) : capacity_(capacity) {}

  //! The cached sums of `span`, reading them with `read` the first time.
  std::shared_ptr<const Sums> get(const RollupSpan& span, const Reader& read);
  //! Forgets every cached span (after the past of a monitor was rewritten).
  void clear();

 private:
  using Key = std::tuple<Granularity, Seconds, Seconds>;

  std::size_t capacity_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;  // bumped by clear(): a read begun before it is not kept
  std::map<Key, std::shared_ptr<const Sums>> entries_;
  std::deque<Key> order_;  // oldest first
};

}  // namespace vigil
