#include "site/model/day_history.hpp"

#include <algorithm>

namespace vigil {
namespace {

//! Locates the day holding an instant among contiguous days given by their boundaries.
class DayIndex {
 public:
  explicit DayIndex(const std::vector<LocalDay>& days) {
    boundaries_.reserve(days.size() + 1);
    for (const LocalDay& day : days) boundaries_.push_back(day.start_utc);
    boundaries_.push_back(days.back().end_utc);
  }

  //! Index of the day holding `t`, or -1 outside all days.
  std::ptrdiff_t day_of(Seconds t) const {
    if (t < boundaries_.front() || t >= boundaries_.back()) return -1;
    return std::upper_bound(boundaries_.begin(), boundaries_.end(), t) - boundaries_.begin() - 1;
  }

  //! True when [from, to) lies inside one day.
  bool within_one_day(Seconds from, Seconds to) const {
    const std::ptrdiff_t day = day_of(from);
    return day >= 0 && day == day_of(to - 1);
  }

  //! True when every boundary is a multiple of `period`.
  bool aligned_to(Seconds period) const {
    return std::all_of(boundaries_.begin(), boundaries_.end(),
                       [period](Seconds b) { return floor_to(b, period) == b; });
  }

  //! Start of the first day.
  Seconds first() const { return boundaries_.front(); }
  //! End of the last day.
  Seconds last() const { return boundaries_.back(); }

 private:
  std::vector<Seconds> boundaries_;
};

void add_to(DaySummary& summary, const Bucket& row) {
  summary.counts.merge(row.counts);
  summary.latency.merge(row.latency);
}

}  // namespace

std::vector<DaySummary> build_day_history(const std::vector<LocalDay>& days,
                                          const BucketReader& read) {
  std::vector<DaySummary> out;
  out.reserve(days.size());
  for (const LocalDay& day : days) out.push_back(DaySummary{day, {}, {}});
  if (days.empty()) return out;

  const DayIndex index(days);
  const Granularity tier = index.aligned_to(kDay) ? Granularity::kDay : Granularity::kHour;
  const Seconds period = period_of(tier);
  const Seconds from = floor_to(index.first(), period);
  const Seconds to = -floor_to(-index.last(), period);
  std::vector<Bucket> split;  // rows that straddle a day boundary (hour tier only)
  for (Bucket& row : read(tier, from, to)) {
    if (index.within_one_day(row.start, row.start + period)) {
      add_to(out[index.day_of(row.start)], row);
    } else {
      split.push_back(std::move(row));
    }
  }
  for (const Bucket& hour : split) {
    const std::vector<Bucket> minutes = read(Granularity::kMinute, hour.start, hour.start + period);
    if (minutes.empty()) {
      const std::ptrdiff_t day = index.day_of(hour.start);
      if (day >= 0) add_to(out[day], hour);
      continue;
    }
    for (const Bucket& minute : minutes) {
      const std::ptrdiff_t day = index.day_of(minute.start);
      if (day >= 0) add_to(out[day], minute);
    }
  }
  return out;
}

}  // namespace vigil
