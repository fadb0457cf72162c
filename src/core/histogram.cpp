#include "core/histogram.hpp"

#include <algorithm>

namespace vigil {

void Histogram::observe(double ms) {
  auto it = std::lower_bound(kBounds.begin(), kBounds.end(), ms);
  counts_[static_cast<std::size_t>(it - kBounds.begin())].fetch_add(1, std::memory_order_relaxed);
  sum_us_.fetch_add(static_cast<std::uint64_t>(std::max(0.0, ms) * 1000.0),
                    std::memory_order_relaxed);
}

std::vector<std::uint64_t> Histogram::cumulative() const {
  std::vector<std::uint64_t> out;
  out.reserve(counts_.size());
  std::uint64_t running = 0;
  for (const auto& c : counts_) {
    running += c.load(std::memory_order_relaxed);
    out.push_back(running);
  }
  return out;
}

}  // namespace vigil
