#pragma once

#include <map>
#include <vector>

#include "core/bucket.hpp"
#include "site/model/bucket_reader.hpp"

namespace vigil::testing {

//! One read made through a FakeRollups reader.
struct RollupRead {
  Granularity granularity = Granularity::kMinute;
  Seconds from = 0;
  Seconds to = 0;
};

//! One monitor's minute rows, with hour and day rows derived from them the way the rollup
//! writer does; records every read.
class FakeRollups {
 public:
  //! Adds one sample to the minute holding `at`.
  void add(Seconds at, Status status, double latency_ms) {
    Bucket& row = minutes_[floor_to(at, kMinute)];
    row.start = floor_to(at, kMinute);
    row.add(status, latency_ms, "REALTIME", "");
  }
  //! Forgets the minute rows before `t`, as minute retention does; hour and day rows stay.
  void prune_minutes_before(Seconds t) { pruned_before_ = t; }

  //! A reader over the rows.
  BucketReader reader() {
    return [this](Granularity g, Seconds from, Seconds to) {
      reads.push_back(RollupRead{g, from, to});
      std::map<Seconds, Bucket> rows;
      for (const auto& [start, minute] : minutes_) {
        if (g == Granularity::kMinute && start < pruned_before_) continue;
        const Seconds row_start = floor_to(start, period_of(g));
        if (row_start < from || row_start >= to) continue;
        rows[row_start].start = row_start;
        rows[row_start].merge(minute);
      }
      std::vector<Bucket> out;
      for (auto& entry : rows) out.push_back(entry.second);
      return out;
    };
  }

  std::vector<RollupRead> reads;  //!< every read so far

 private:
  std::map<Seconds, Bucket> minutes_;
  Seconds pruned_before_ = 0;
};

}  // namespace vigil::testing
