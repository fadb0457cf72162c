#pragma once

#include <vector>

#include "core/bucket.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! A half-open time range [from, to) to be read at one granularity.
struct RollupSpan {
  Granularity granularity = Granularity::kMinute;
  Seconds from = 0;
  Seconds to = 0;
};

//! Splits [from, to) into the fewest rollup spans: whole UTC days from day rows, whole hours
//! from hour rows, the remaining minutes from minute rows. `from` and `to` are first floored
//! to minutes. Spans are returned in time order and do not overlap.
std::vector<RollupSpan> plan_rollup_spans(Seconds from, Seconds to);

}  // namespace vigil
