#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/bucket.hpp"
#include "core/error.hpp"
#include "site/model/bucket_reader.hpp"
#include "site/model/chart_point.hpp"

namespace vigil {

//! One choice of the monitor page's latency chart: how far back, in which buckets.
struct ChartRange {
  std::string_view name;         //!< "1h" .. "90d", as in the URL
  std::string_view message_key;  //!< its label in the message catalogue, "monitor.range_1h"
  Seconds window = 0;            //!< how far back the chart reaches
  Seconds bucket = 0;            //!< width of one point
  Granularity source = Granularity::kMinute;  //!< the coarsest rollup tier that fits the bucket
};

//! Kener's ranges 1h 3h 6h 12h 24h 48h 7d 14d 30d (1, 5, 10, 15, 30, 60, 180, 360, 720-minute
//! buckets), plus 60d and 90d in one-day buckets, shortest first.
std::span<const ChartRange> chart_ranges();

//! The range named `name` (case-sensitive); anything else is a kBadRequest error.
Result<ChartRange> chart_range(std::string_view name);

//! Folds rollup rows into one point per bucket of [from, to) (from aligned to `bucket`), rows
//! outside ignored; buckets without rows come out as NO_DATA points.
std::vector<ChartPoint> fold_chart_points(const std::vector<Bucket>& rows, Seconds from, Seconds to,
                                          Seconds bucket);

//! The points of `range` ending with the bucket that holds `now`: reads range.source rows
//! once and folds them.
std::vector<ChartPoint> chart_points(const ChartRange& range, Seconds now,
                                     const BucketReader& read);

}  // namespace vigil
