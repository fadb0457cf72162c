#include "site/model/day_bar.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>

namespace vigil {
namespace {

constexpr int kWhole = 100;

}  // namespace

std::vector<BarSegment> bar_segments(const StatusCounts& counts) {
  const std::array<std::pair<Status, std::int64_t>, 4> parts = {{
      {Status::kDown, counts.down},
      {Status::kDegraded, counts.degraded},
      {Status::kMaintenance, counts.maintenance},
      {Status::kUp, counts.up},
  }};
  std::vector<std::pair<Status, std::int64_t>> present;
  std::copy_if(parts.begin(), parts.end(), std::back_inserter(present),
               [](const auto& part) { return part.second > 0; });
  if (present.empty()) return {BarSegment{Status::kNoData, kWhole}};

  // Pin segments whose proportional share falls under the minimum to exactly the minimum and
  // share what is left among the others; pinning one can push another under, so repeat.
  std::vector<bool> pinned(present.size(), false);
  std::vector<double> share(present.size(), kMinSegmentPercent);
  for (bool changed = true; changed;) {
    changed = false;
    std::int64_t free_count = 0;
    int pinned_count = 0;
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (pinned[i]) {
        ++pinned_count;
      } else {
        free_count += present[i].second;
      }
    }
    const double budget = kWhole - kMinSegmentPercent * pinned_count;
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (pinned[i]) continue;
      share[i] = budget * static_cast<double>(present[i].second) / static_cast<double>(free_count);
      if (share[i] < kMinSegmentPercent) {
        pinned[i] = changed = true;
        share[i] = kMinSegmentPercent;
      }
    }
  }

  // Largest remainder: floor every share, then hand the missing percents to the largest
  // fractions. A share of at least the minimum floors to at least the minimum.
  std::vector<BarSegment> out;
  std::vector<std::size_t> order(present.size());
  int total = 0;
  for (std::size_t i = 0; i < present.size(); ++i) {
    const int whole = static_cast<int>(std::floor(share[i] + 1e-9));
    out.push_back(BarSegment{present[i].first, whole});
    total += whole;
  }
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return share[a] - out[a].percent > share[b] - out[b].percent;
  });
  for (std::size_t i = 0; total < kWhole; ++i, ++total) ++out[order[i % order.size()]].percent;
  return out;
}

DayBar make_day_bar(const DaySummary& summary, const UptimeFormula& formula,
                    Seconds sample_interval) {
  auto minutes = [sample_interval](std::int64_t samples) {
    return (samples * sample_interval + kMinute / 2) / kMinute;
  };
  DayBar bar;
  bar.day = summary.day;
  bar.status = summary.counts.worst();
  bar.segments = bar_segments(summary.counts);
  bar.uptime = format_uptime(formula.percent(summary.counts));
  bar.minutes_up = minutes(summary.counts.up);
  bar.minutes_degraded = minutes(summary.counts.degraded);
  bar.minutes_down = minutes(summary.counts.down);
  bar.minutes_maintenance = minutes(summary.counts.maintenance);
  return bar;
}

}  // namespace vigil
