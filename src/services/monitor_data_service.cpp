#include "services/monitor_data_service.hpp"

#include <algorithm>

#include "core/minute_merge.hpp"

namespace vigil {
namespace {

constexpr const char* kManual = "MANUAL";

Bucket manual_minute(Seconds start, Status status, double latency_ms) {
  Bucket b;
  b.start = start;
  b.add(status, latency_ms, kManual, "");
  return b;
}

std::optional<Error> check_range(Seconds start, Seconds end) {
  if (end <= start) return Error{ErrorCode::kBadRequest, "end_ts must be greater than start_ts"};
  if (end - start > MonitorDataService::kMaxRange) {
    return Error{ErrorCode::kBadRequest, "range is limited to 90 days per request"};
  }
  return std::nullopt;
}

}  // namespace

MonitorDataService::MonitorDataService(MonitorService& monitors, Ingestor& ingestor, Jitter jitter)
    : monitors_(monitors), ingestor_(ingestor), jitter_(std::move(jitter)) {}

std::optional<Error> MonitorDataService::check_monitor(const std::string& tag) const {
  if (!monitors_.find(tag)) return Error{ErrorCode::kNotFound, "monitor '" + tag + "' not found"};
  return std::nullopt;
}

DataPoint MonitorDataService::to_point(const std::string& tag, const Bucket& bucket) const {
  auto spec = monitors_.find(tag);
  MinuteLayers layers;
  if (spec) layers.default_status = spec->default_status;
  layers.check = bucket.status();
  return DataPoint{tag, bucket.start, merge_minute(layers), bucket};
}

Result<std::vector<DataPoint>> MonitorDataService::range(const std::string& tag, Seconds start_ts,
                                                         Seconds end_ts) {
  if (auto error = check_monitor(tag)) return *error;
  Seconds from = floor_to(start_ts, kMinute);
  Seconds to = floor_to(end_ts, kMinute);
  if (auto error = check_range(from, to)) return *error;
  std::vector<DataPoint> points;
  for (const auto& bucket : ingestor_.read(tag, Granularity::kMinute, from, to)) {
    points.push_back(to_point(tag, bucket));
  }
  return points;
}

Result<DataPoint> MonitorDataService::point(const std::string& tag, Seconds ts) {
  if (auto error = check_monitor(tag)) return *error;
  Seconds minute = floor_to(ts, kMinute);
  auto rows = ingestor_.read(tag, Granularity::kMinute, minute, minute + kMinute);
  if (rows.empty()) {
    return Error{ErrorCode::kNotFound,
                 "no data for monitor '" + tag + "' at " + std::to_string(minute)};
  }
  return to_point(tag, rows.front());
}

Result<DataPoint> MonitorDataService::upsert_point(const std::string& tag, Seconds ts,
                                                   Status status, double latency_ms) {
  if (auto error = check_monitor(tag)) return *error;
  Bucket minute = manual_minute(floor_to(ts, kMinute), status, latency_ms);
  ingestor_.replace_minutes(tag, {minute});
  return to_point(tag, minute);
}

Result<std::int64_t> MonitorDataService::update_range(const std::string& tag, Seconds start_ts,
                                                      Seconds end_ts, Status status,
                                                      double latency_ms, double deviation) {
  if (auto error = check_monitor(tag)) return *error;
  Seconds from = floor_to(start_ts, kMinute);
  Seconds to = floor_to(end_ts, kMinute);
  if (auto error = check_range(from, to)) return *error;
  std::vector<Bucket> minutes;
  minutes.reserve(static_cast<std::size_t>((to - from) / kMinute));
  for (Seconds t = from; t < to; t += kMinute) {
    double latency = std::max(0.0, latency_ms + (deviation > 0 ? deviation * jitter_() : 0.0));
    minutes.push_back(manual_minute(t, status, latency));
  }
  ingestor_.replace_minutes(tag, minutes);
  return static_cast<std::int64_t>(minutes.size());
}

}  // namespace vigil
