#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bucket.hpp"
#include "core/clock.hpp"
#include "core/live_status.hpp"
#include "core/monitor_spec.hpp"
#include "core/uptime_formula.hpp"
#include "services/span_sum_cache.hpp"

namespace vigil {

//! What pages and badges show about one monitor over a window.
struct MonitorSummary {
  std::string tag;
  Status status = Status::kNoData;       //!< live (last shown) status, NO_DATA if never seen
  double live_latency_ms = 0;            //!< latency of the live observation
  StatusCounts counts;                   //!< samples in the window
  LatencyStats latency;                  //!< latency stats in the window
  std::optional<double> uptime_percent;  //!< by the monitor's formula; nullopt when no data
};

//! Summaries of monitors for pages and badges: the live status plus counts, latency and uptime
//! over a window read from the rollups. The window is whole minutes and includes the current
//! (open) minute: [floor(now) + 1 min - window, floor(now) + 1 min). The settled past (before
//! today, UTC) is summed once per span and cached; today is read from the open day rollups.
class StatusSummaryService {
 public:
  //! `read_sum` is Ingestor::sum-shaped: per monitor, merged buckets of one tier in [from, to).
  using SumReader = std::function<std::map<std::string, Bucket>(Granularity, Seconds, Seconds)>;

  StatusSummaryService(SumReader read_sum, const LiveStatusSource& live, const Clock& clock);

  //! Summaries of the given monitors over [now - window, now), computed with one read per rollup
  //! span (plan_rollup_spans in core/rollup_plan.hpp), not one per monitor.
  std::vector<MonitorSummary> summaries(
      const std::vector<std::shared_ptr<const MonitorSpec>>& monitors, Seconds window) const;
  //! One monitor's summary.
  MonitorSummary summary(const MonitorSpec& monitor, Seconds window) const;
  //! The monitor's uptime formula, parsed once per distinct monitor_settings_json text.
  std::shared_ptr<const UptimeFormula> formula_of(const MonitorSpec& monitor) const;
  //! Drops the cached sums of the past: call after a monitor's past was rewritten.
  void forget_past() { settled_.clear(); }

 private:
  //! Per monitor, the merge of every bucket in the window.
  std::map<std::string, Bucket> read_window(Seconds window) const;
  //! Builds one summary from the monitor's merged window bucket (nullptr when it has none).
  MonitorSummary summarize(const MonitorSpec& monitor, const Bucket* window_bucket) const;

  SumReader read_sum_;
  const LiveStatusSource& live_;
  const Clock& clock_;
  mutable SpanSumCache settled_;
  mutable std::mutex formulas_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const UptimeFormula>> formulas_;
};

//! The overall status of a set of monitors, problem first: DOWN > DEGRADED > MAINTENANCE > UP;
//! NO_DATA when none has data.
Status overall_status(const std::vector<MonitorSummary>& summaries);

}  // namespace vigil
