#include "site/model/day_history_cache.hpp"

#include <algorithm>

namespace vigil {

Result<std::vector<DaySummary>> DayHistoryCache::get(const std::string& tag, std::string_view zone,
                                                     Seconds now, int days,
                                                     const BucketReader& read) {
  Result<std::vector<LocalDay>> wanted = local_days(zone, now, days);
  if (!wanted) return wanted.error();
  Key key{tag, std::string(zone), days};
  std::vector<DaySummary> out;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    generation = generation_of(tag);
    if (auto it = entries_.find(key); it != entries_.end())
      out = settled_prefix(it->second, *wanted);
  }
  const std::vector<LocalDay> fresh(wanted->begin() + static_cast<std::ptrdiff_t>(out.size()),
                                    wanted->end());
  std::vector<DaySummary> computed = build_day_history(fresh, read);
  out.insert(out.end(), computed.begin(), computed.end());
  std::lock_guard lock(mutex_);
  store(key, out, now - kSettleDelay, generation);
  return out;
}

void DayHistoryCache::invalidate(const std::string& tag) {
  std::lock_guard lock(mutex_);
  ++generations_[tag];
  auto it = entries_.lower_bound(Key{tag, "", 0});
  while (it != entries_.end() && std::get<0>(it->first) == tag) {
    recency_.erase(it->second.recency);
    it = entries_.erase(it);
  }
}

std::size_t DayHistoryCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::vector<DaySummary> DayHistoryCache::settled_prefix(const Entry& entry,
                                                        const std::vector<LocalDay>& wanted) {
  std::vector<DaySummary> out;
  auto held = std::lower_bound(
      entry.days.begin(), entry.days.end(), wanted.front().start_utc,
      [](const DaySummary& summary, Seconds start) { return summary.day.start_utc < start; });
  for (const LocalDay& day : wanted) {
    if (held == entry.days.end() || held->day.start_utc != day.start_utc ||
        held->day.end_utc != day.end_utc || day.end_utc > entry.settled_before) {
      break;
    }
    out.push_back(*held++);
  }
  return out;
}

void DayHistoryCache::store(const Key& key, std::vector<DaySummary> days, Seconds settled_before,
                            std::uint64_t generation) {
  if (generation != generation_of(std::get<0>(key))) return;
  auto [it, inserted] = entries_.try_emplace(key);
  if (inserted) {
    recency_.push_front(key);
  } else {
    recency_.splice(recency_.begin(), recency_, it->second.recency);
  }
  it->second.recency = recency_.begin();
  it->second.days = std::move(days);
  it->second.settled_before = settled_before;
  while (entries_.size() > capacity_) {
    entries_.erase(recency_.back());
    recency_.pop_back();
  }
}

std::uint64_t DayHistoryCache::generation_of(const std::string& tag) const {
  auto it = generations_.find(tag);
  return it == generations_.end() ? 0 : it->second;
}

}  // namespace vigil
