#pragma once

#include <cstdint>
#include <string>

#include "core/histogram.hpp"
#include "scheduler/schedule_book.hpp"

namespace vigil {

//! The figures /metrics shows.
struct MetricsSnapshot {
  SchedulerStats scheduler;
  std::uint64_t checks_completed = 0;
  std::uint64_t checks_failed = 0;
  std::size_t checks_in_flight = 0;
  std::size_t write_backlog = 0;
  std::uint64_t write_failures = 0;
  std::uint64_t writes_committed = 0;
  const Histogram* lateness = nullptr;
};

//! Renders the snapshot in the Prometheus text exposition format.
std::string render_metrics(const MetricsSnapshot& m);

}  // namespace vigil
