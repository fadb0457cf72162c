#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/bucket.hpp"
#include "core/check_result.hpp"
#include "storage/result_store.hpp"

namespace vigil {

//! The rollup rows that are not in the store yet: open minute/hour/day buckets still being
//! filled, and closed or replaced rows handed to the writer but not committed. Reads merge them
//! over the stored rows, so a reader sees every accepted result. Thread-safe.
class RollupBook {
 public:
  //! Folds a result into the open minute, hour and day buckets of its start time, with the
  //! status and row type the minute shows (the check's, or an incident's or maintenance's).
  void add(const CheckResult& result, Status shown, std::string_view type);
  //! Removes buckets whose period ended at or before `now` (all when `everything`) and returns
  //! them as additive writes; they stay visible to reads until committed(ticket) is called.
  std::vector<BucketWrite> take_closed(Seconds now, bool everything);
  //! Records writes handed to the writer under `ticket` (visible to reads until committed).
  void handed(const std::vector<BucketWrite>& writes, std::uint64_t ticket);
  //! Forgets handed writes with a ticket at or below `ticket` (they are in the store now).
  void committed(std::uint64_t ticket);
  //! Drops an open bucket (its content is being replaced).
  void discard_open(const std::string& tag, Granularity granularity, Seconds start);
  //! Adds to an open bucket without going through a result (manual corrections to hour/day).
  void adjust_open(const std::string& tag, Granularity granularity, const Bucket& delta);
  //! Forgets everything about a monitor.
  void forget(const std::string& tag);

  //! Writes not yet in the store for [from, to) of one tier, in the order they apply: handed
  //! writes with a ticket above `committed_ticket`, then open buckets as additive writes.
  //! `tag` empty means every monitor.
  std::vector<BucketWrite> pending(const std::string& tag, Granularity granularity, Seconds from,
                                   Seconds to, std::uint64_t committed_ticket) const;

 private:
  using Key = std::tuple<std::string, Granularity, Seconds>;
  struct Handed {
    std::uint64_t ticket;
    BucketWrite write;
  };
  mutable std::mutex mutex_;
  std::map<Key, Bucket> open_;
  std::vector<Handed> handed_;
};

//! Applies a write onto a row: kAdd merges (with signed corrections), kReplace overwrites.
void apply_bucket_write(Bucket& row, const BucketWrite& write);

}  // namespace vigil
