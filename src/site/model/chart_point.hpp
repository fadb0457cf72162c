#pragma once

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! One bucket of a latency chart.
struct ChartPoint {
  Seconds start = 0;                //!< bucket start (UTC)
  Status status = Status::kNoData;  //!< worst status of the bucket; NO_DATA draws a gap
  double avg_ms = 0;                //!< mean latency of the bucket's samples
  double min_ms = 0;                //!< fastest sample
  double max_ms = 0;                //!< slowest sample
};

}  // namespace vigil
