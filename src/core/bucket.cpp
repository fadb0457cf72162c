#include "core/bucket.hpp"

#include <algorithm>

namespace vigil {

void StatusCounts::add(Status status, std::int64_t n) {
  switch (status) {
    case Status::kUp:
      up += n;
      break;
    case Status::kDegraded:
      degraded += n;
      break;
    case Status::kDown:
      down += n;
      break;
    case Status::kMaintenance:
      maintenance += n;
      break;
    case Status::kNoData:
      break;
  }
}

void StatusCounts::merge(const StatusCounts& other) {
  up += other.up;
  degraded += other.degraded;
  down += other.down;
  maintenance += other.maintenance;
}

Status StatusCounts::worst() const {
  if (down > 0) return Status::kDown;
  if (degraded > 0) return Status::kDegraded;
  if (maintenance > 0) return Status::kMaintenance;
  if (up > 0) return Status::kUp;
  return Status::kNoData;
}

void LatencyStats::add(double ms) {
  LatencyStats one;
  one.sum = one.min = one.max = ms;
  one.count = 1;
  merge(one);
}

void LatencyStats::merge(const LatencyStats& other) {
  if (other.count == 0) return;
  if (count == 0) {
    *this = other;
    return;
  }
  sum += other.sum;
  min = std::min(min, other.min);
  max = std::max(max, other.max);
  count += other.count;
}

void Bucket::add(Status status, double latency_ms, std::string_view sample_type,
                 std::string_view error) {
  // A NO_DATA sample says nothing was observed, so it adds neither a count nor a latency.
  if (status == Status::kNoData) return;
  Bucket one;
  one.counts.add(status);
  one.latency.add(latency_ms);
  one.type = sample_type;
  one.error_message = error;
  merge(one);
}

void Bucket::merge(const Bucket& other) {
  // An empty bucket carries no sample, so its default type must not replace a real one.
  if (other.counts.total() == 0 && other.latency.count == 0) return;
  counts.merge(other.counts);
  latency.merge(other.latency);
  type = other.type;
  if (!other.error_message.empty()) error_message = other.error_message;
}

Seconds period_of(Granularity g) {
  switch (g) {
    case Granularity::kMinute:
      return kMinute;
    case Granularity::kHour:
      return kHour;
    case Granularity::kDay:
      return kDay;
  }
  return kMinute;
}

}  // namespace vigil
