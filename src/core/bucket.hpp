#pragma once

#include <cstdint>
#include <string>

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! How many samples of each status fell in a bucket.
struct StatusCounts {
  std::int64_t up = 0;
  std::int64_t degraded = 0;
  std::int64_t down = 0;
  std::int64_t maintenance = 0;

  //! Sum of the four counts.
  std::int64_t total() const { return up + degraded + down + maintenance; }
  //! Adds one sample of `status` (NO_DATA is not counted).
  void add(Status status, std::int64_t n = 1);
  //! Adds another set of counts.
  void merge(const StatusCounts& other);
  //! Worst status with a non-zero count; NO_DATA when all are zero.
  Status worst() const;
};

//! Minimum, mean and maximum latency of a bucket's samples.
struct LatencyStats {
  double sum = 0;
  double min = 0;
  double max = 0;
  std::int64_t count = 0;

  //! Adds one latency sample in milliseconds.
  void add(double ms);
  //! Combines with another bucket's stats.
  void merge(const LatencyStats& other);
  //! Mean latency, 0 when empty.
  double avg() const { return count > 0 ? sum / static_cast<double>(count) : 0; }
};

//! One row of a rollup tier (minute, hour or day) for one monitor: Kener's monitoring_data
//! shape (status, latency, type, error message) plus per-status counts and latency stats.
struct Bucket {
  Seconds start = 0;          //!< start of the minute / hour / day (UTC)
  StatusCounts counts;
  LatencyStats latency;
  std::string type = "REALTIME";  //!< Kener row type of the latest sample
  std::string error_message;      //!< latest non-empty error message

  //! The bucket's status: the worst of its counts.
  Status status() const { return counts.worst(); }
  //! Folds one sample in.
  void add(Status status, double latency_ms, std::string_view type, std::string_view error);
  //! Folds another bucket of the same period in (counts and latency add; latest type wins).
  void merge(const Bucket& other);
};

//! The three rollup tiers.
enum class Granularity { kMinute, kHour, kDay };

//! Length of one bucket of `g` in seconds.
Seconds period_of(Granularity g);

}  // namespace vigil
