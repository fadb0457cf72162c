#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "site/model/day_history.hpp"

namespace vigil {

//! Keeps the day summaries of finished days per (monitor tag, zone, days), so that a page
//! of many monitors × 90 days costs one small read per monitor once warm: each call recomputes
//! only the days that may still change (today, and yesterday for a few minutes after
//! midnight, for late results). When the day rolls over, the new window reuses the finished
//! days it shares with the old one. `invalidate(tag)` drops a monitor's entries after writes
//! into its past (manual data, imports). Least recently used entries go beyond `capacity`.
//! Thread-safe; reads run outside the lock.
class DayHistoryCache {
 public:
  //! How long after a day's end it is still recomputed, for results that arrive late.
  static constexpr Seconds kSettleDelay = 5 * kMinute;

  //! A cache of at most `capacity` (tag, zone, days) entries.
  explicit DayHistoryCache(std::size_t capacity = 2048) : capacity_(capacity) {}

  //! The summaries of the last `days` local days in `zone` ending with the day of `now`, as
  //! build_day_history(local_days(zone, now, days), read) would give them.
  Result<std::vector<DaySummary>> get(const std::string& tag, std::string_view zone, Seconds now,
                                      int days, const BucketReader& read);
  //! Forgets every entry of a monitor; a computation under way for it is not stored.
  void invalidate(const std::string& tag);
  //! Number of entries held.
  std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, int>;

  struct Entry {
    std::vector<DaySummary> days;
    Seconds settled_before = 0;  //!< days ending at or before this are final
    std::list<Key>::iterator recency;
  };

  //! The final summaries `entry` holds for the leading days of `wanted`.
  static std::vector<DaySummary> settled_prefix(const Entry& entry,
                                                const std::vector<LocalDay>& wanted);
  //! Stores a computed window unless its tag was invalidated meanwhile. Needs mutex_.
  void store(const Key& key, std::vector<DaySummary> days, Seconds settled_before,
             std::uint64_t generation);
  //! The tag's invalidation count. Needs mutex_.
  std::uint64_t generation_of(const std::string& tag) const;

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::list<Key> recency_;  //!< most recently used first
  std::unordered_map<std::string, std::uint64_t> generations_;
};

}  // namespace vigil
