#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/bucket.hpp"
#include "core/check_result.hpp"
#include "core/time_units.hpp"
#include "storage/retention_policy.hpp"

namespace vigil {

//! How a bucket row is written.
enum class BucketWriteMode {
  kAdd,      //!< add counts and latency stats to any existing row (open buckets flushed in parts)
  kReplace,  //!< overwrite any existing row (manual status writes)
};

//! One rollup row to write.
struct BucketWrite {
  std::string monitor_tag;
  Granularity granularity = Granularity::kMinute;
  Bucket bucket;
  BucketWriteMode mode = BucketWriteMode::kAdd;
};

//! Everything one flush writes, committed in a single transaction.
struct WriteBatch {
  std::vector<CheckResult> results;  //!< raw results; a repeated (tag, check_id) is ignored
  std::vector<BucketWrite> buckets;

  bool empty() const { return results.empty() && buckets.empty(); }
};

//! Persists raw check results and the minute/hour/day rollups.
class ResultStore {
 public:
  virtual ~ResultStore() = default;
  //! Writes the whole batch atomically (all or nothing). Throws on storage failure.
  virtual void write(const WriteBatch& batch) = 0;
  //! Stored rows of one monitor and tier with start in [from, to), in time order.
  virtual std::vector<Bucket> read_buckets(std::string_view tag, Granularity granularity,
                                           Seconds from, Seconds to) = 0;
  //! Per monitor, the merge of all its stored rows of `granularity` with start in [from, to).
  virtual std::map<std::string, Bucket> sum_buckets(Granularity granularity, Seconds from,
                                                    Seconds to) = 0;
  //! Raw results of one monitor with started_ms in [from_ms, to_ms), newest first, at most `limit`.
  virtual std::vector<CheckResult> read_results(std::string_view tag, Millis from_ms, Millis to_ms,
                                                std::size_t limit) = 0;
  //! Number of stored raw results (all monitors).
  virtual std::int64_t count_results() = 0;
  //! Deletes rows older than the policy allows, relative to `now`; returns rows deleted.
  virtual std::int64_t prune(const RetentionPolicy& policy, Seconds now) = 0;
};

}  // namespace vigil
