#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "core/uptime_formula.hpp"
#include "site/model/day_history.hpp"

namespace vigil {

//! One stacked part of a day bar.
struct BarSegment {
  Status status = Status::kNoData;  //!< the segment's colour
  int percent = 0;                  //!< share of the bar's height; the segments of a bar sum to 100
};

//! Everything a status page needs to draw one day of a monitor's bar and its tooltip.
struct DayBar {
  LocalDay day;                      //!< the date, for the tooltip
  Status status = Status::kNoData;   //!< the colour: worst wins, NO_DATA when empty
  std::vector<BarSegment> segments;  //!< DOWN, DEGRADED, MAINTENANCE, UP order; never empty
  std::string uptime;                //!< format_uptime of the day, "-" without data
  std::int64_t minutes_up = 0;       //!< minutes per status, for the tooltip
  std::int64_t minutes_degraded = 0;
  std::int64_t minutes_down = 0;
  std::int64_t minutes_maintenance = 0;
};

//! Smallest share of the height a non-empty segment gets, in percent (Kener's rule).
inline constexpr int kMinSegmentPercent = 5;

//! Segments proportional to the counts, each non-zero one at least kMinSegmentPercent, rounded
//! (largest remainder) to whole percents summing to 100. No counts → one NO_DATA segment of 100.
std::vector<BarSegment> bar_segments(const StatusCounts& counts);

//! The bar of one day: colour, segments, uptime by `formula` and minutes per status. The
//! counts are samples, so each stands for `sample_interval` seconds (Kener's one check a
//! minute by default; pass the monitor's interval for faster or slower schedules).
DayBar make_day_bar(const DaySummary& summary, const UptimeFormula& formula,
                    Seconds sample_interval = kMinute);

}  // namespace vigil
