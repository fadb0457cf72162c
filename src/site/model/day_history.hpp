#pragma once

#include <vector>

#include "core/bucket.hpp"
#include "site/model/bucket_reader.hpp"
#include "site/model/time_zone.hpp"

namespace vigil {

//! What one monitor did on one local day.
struct DaySummary {
  LocalDay day;          //!< which day
  StatusCounts counts;   //!< samples per status (one a minute for most monitors)
  LatencyStats latency;  //!< latency over the day's samples
};

//! Sums a monitor's rollups into `days` (contiguous, oldest first, as from local_days()).
//! Reads whole UTC days from day rows when every boundary is a UTC midnight, otherwise whole
//! hours from hour rows, in one range read. When the zone's offset is not a whole hour (e.g.
//! Asia/Kolkata) the hour that straddles a boundary is re-read from minute rows and split
//! minute by minute; if those minutes are gone (past minute retention) the hour row counts
//! for the day in which the hour starts. Returns one summary per day, in the same order.
std::vector<DaySummary> build_day_history(const std::vector<LocalDay>& days,
                                          const BucketReader& read);

}  // namespace vigil
