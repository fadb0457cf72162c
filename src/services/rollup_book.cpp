#include "services/rollup_book.hpp"

#include <algorithm>

namespace vigil {
namespace {

constexpr Granularity kTiers[] = {Granularity::kMinute, Granularity::kHour, Granularity::kDay};

bool in_range(Seconds start, Seconds from, Seconds to) {
  return start >= from && start < to;
}

}  // namespace

void apply_bucket_write(Bucket& row, const BucketWrite& write) {
  if (write.mode == BucketWriteMode::kReplace || row.counts.total() == 0) {
    Seconds start = row.start;
    row = write.bucket;
    row.start = start;
    return;
  }
  row.merge(write.bucket);
}

void RollupBook::add(const CheckResult& result, Status shown, std::string_view type) {
  Seconds t = to_seconds(result.started_ms);
  std::lock_guard lock(mutex_);
  for (Granularity g : kTiers) {
    Seconds start = floor_to(t, period_of(g));
    Bucket& bucket = open_[Key{result.monitor_tag, g, start}];
    bucket.start = start;
    bucket.add(shown, result.latency_ms, type, result.error_message);
  }
}

std::vector<BucketWrite> RollupBook::take_closed(Seconds now, bool everything) {
  std::vector<BucketWrite> closed;
  std::lock_guard lock(mutex_);
  for (auto it = open_.begin(); it != open_.end();) {
    const auto& [tag, g, start] = it->first;
    if (everything || start + period_of(g) <= now) {
      closed.push_back(BucketWrite{tag, g, it->second, BucketWriteMode::kAdd});
      it = open_.erase(it);
    } else {
      ++it;
    }
  }
  return closed;
}

void RollupBook::handed(const std::vector<BucketWrite>& writes, std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  for (const auto& w : writes) handed_.push_back(Handed{ticket, w});
}

void RollupBook::committed(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  std::erase_if(handed_, [&](const Handed& h) { return h.ticket <= ticket; });
}

void RollupBook::discard_open(const std::string& tag, Granularity granularity, Seconds start) {
  std::lock_guard lock(mutex_);
  open_.erase(Key{tag, granularity, start});
}

void RollupBook::adjust_open(const std::string& tag, Granularity granularity, const Bucket& delta) {
  std::lock_guard lock(mutex_);
  Bucket& bucket = open_[Key{tag, granularity, delta.start}];
  bucket.start = delta.start;
  bucket.merge(delta);
}

void RollupBook::forget(const std::string& tag) {
  std::lock_guard lock(mutex_);
  std::erase_if(open_, [&](const auto& entry) { return std::get<0>(entry.first) == tag; });
  std::erase_if(handed_, [&](const Handed& h) { return h.write.monitor_tag == tag; });
}

std::vector<BucketWrite> RollupBook::pending(const std::string& tag, Granularity granularity,
                                             Seconds from, Seconds to,
                                             std::uint64_t committed_ticket) const {
  auto wanted = [&](const std::string& t, Granularity g, Seconds start) {
    return (tag.empty() || t == tag) && g == granularity && in_range(start, from, to);
  };
  std::vector<BucketWrite> out;
  std::lock_guard lock(mutex_);
  for (const auto& h : handed_) {
    const BucketWrite& w = h.write;
    if (h.ticket > committed_ticket && wanted(w.monitor_tag, w.granularity, w.bucket.start)) {
      out.push_back(w);
    }
  }
  for (const auto& [key, bucket] : open_) {
    const auto& [t, g, start] = key;
    if (wanted(t, g, start)) out.push_back(BucketWrite{t, g, bucket, BucketWriteMode::kAdd});
  }
  return out;
}

}  // namespace vigil
