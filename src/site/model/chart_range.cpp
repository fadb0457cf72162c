#include "site/model/chart_range.hpp"

#include <algorithm>
#include <array>

namespace vigil {
namespace {

constexpr std::array<ChartRange, 11> kRanges = {{
    {"1h", "monitor.range_1h", kHour, kMinute, Granularity::kMinute},
    {"3h", "monitor.range_3h", 3 * kHour, 5 * kMinute, Granularity::kMinute},
    {"6h", "monitor.range_6h", 6 * kHour, 10 * kMinute, Granularity::kMinute},
    {"12h", "monitor.range_12h", 12 * kHour, 15 * kMinute, Granularity::kMinute},
    {"24h", "monitor.range_24h", 24 * kHour, 30 * kMinute, Granularity::kMinute},
    {"48h", "monitor.range_48h", 48 * kHour, kHour, Granularity::kHour},
    {"7d", "monitor.range_7d", 7 * kDay, 3 * kHour, Granularity::kHour},
    {"14d", "monitor.range_14d", 14 * kDay, 6 * kHour, Granularity::kHour},
    {"30d", "monitor.range_30d", 30 * kDay, 12 * kHour, Granularity::kHour},
    {"60d", "monitor.range_60d", 60 * kDay, kDay, Granularity::kDay},
    {"90d", "monitor.range_90d", 90 * kDay, kDay, Granularity::kDay},
}};

}  // namespace

std::span<const ChartRange> chart_ranges() {
  return kRanges;
}

Result<ChartRange> chart_range(std::string_view name) {
  auto it = std::find_if(kRanges.begin(), kRanges.end(),
                         [name](const ChartRange& range) { return range.name == name; });
  if (it != kRanges.end()) return *it;
  std::string message = "unknown range '" + std::string(name) + "', expected one of";
  for (const ChartRange& range : kRanges) message += " " + std::string(range.name);
  return Error{ErrorCode::kBadRequest, message};
}

std::vector<ChartPoint> fold_chart_points(const std::vector<Bucket>& rows, Seconds from, Seconds to,
                                          Seconds bucket) {
  std::vector<Bucket> slots;
  for (Seconds start = from; start < to; start += bucket) {
    slots.emplace_back().start = start;
  }
  for (const Bucket& row : rows) {
    if (row.start < from || row.start >= to) continue;
    slots[static_cast<std::size_t>((row.start - from) / bucket)].merge(row);
  }
  std::vector<ChartPoint> points;
  points.reserve(slots.size());
  for (const Bucket& slot : slots) {
    points.push_back(ChartPoint{slot.start, slot.status(), slot.latency.avg(), slot.latency.min,
                                slot.latency.max});
  }
  return points;
}

std::vector<ChartPoint> chart_points(const ChartRange& range, Seconds now,
                                     const BucketReader& read) {
  const Seconds to = floor_to(now, range.bucket) + range.bucket;
  const Seconds from = to - range.window;
  return fold_chart_points(read(range.source, from, to), from, to, range.bucket);
}

}  // namespace vigil
