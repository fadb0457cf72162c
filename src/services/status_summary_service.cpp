#include "services/status_summary_service.hpp"

#include <boost/json.hpp>

#include "core/rollup_plan.hpp"

namespace vigil {
namespace {

// Kener's keys in monitor_settings_json.
constexpr const char* kNumeratorKey = "uptime_formula_numerator";
constexpr const char* kDenominatorKey = "uptime_formula_denominator";
// Distinct settings texts are few; the bound only stops edits from growing the cache forever.
constexpr std::size_t kMaxCachedFormulas = 4096;
// Results land in the minute their check started; no check runs longer than this, so rows
// older than it no longer change (only a rewrite, which clears the cache, changes them).
constexpr Seconds kSettleMargin = 15 * kMinute;

//! Adds every monitor's bucket of `sums` to `merged`.
void merge_into(std::map<std::string, Bucket>& merged, const std::map<std::string, Bucket>& sums) {
  for (const auto& [tag, bucket] : sums) {
    auto [it, inserted] = merged.try_emplace(tag, bucket);
    if (!inserted) it->second.merge(bucket);
  }
}

//! A non-empty string member of `settings`, or `fallback`.
std::string string_member(const boost::json::object& settings, const char* key,
                          const std::string& fallback) {
  const auto* value = settings.if_contains(key);
  if (value == nullptr || !value->is_string() || value->as_string().empty()) return fallback;
  return std::string(value->as_string());
}

//! Kener's rule: each side of the formula falls back to the default when absent; a formula
//! that does not parse falls back to UptimeFormula::standard() as a whole.
UptimeFormula parse_formula(const std::string& settings_json) {
  const UptimeFormula standard = UptimeFormula::standard();
  boost::system::error_code ec;
  const boost::json::value settings = boost::json::parse(settings_json, ec);
  if (ec || !settings.is_object()) return standard;
  const auto& object = settings.as_object();
  auto parsed =
      UptimeFormula::parse(string_member(object, kNumeratorKey, standard.numerator()),
                           string_member(object, kDenominatorKey, standard.denominator()));
  return parsed ? *parsed : standard;
}

}  // namespace

StatusSummaryService::StatusSummaryService(SumReader read_sum, const LiveStatusSource& live,
                                           const Clock& clock)
    : read_sum_(std::move(read_sum)), live_(live), clock_(clock) {}

std::vector<MonitorSummary> StatusSummaryService::summaries(
    const std::vector<std::shared_ptr<const MonitorSpec>>& monitors, Seconds window) const {
  const auto sums = read_window(window);
  std::vector<MonitorSummary> out;
  out.reserve(monitors.size());
  for (const auto& monitor : monitors) {
    const auto it = sums.find(monitor->tag);
    out.push_back(summarize(*monitor, it == sums.end() ? nullptr : &it->second));
  }
  return out;
}

MonitorSummary StatusSummaryService::summary(const MonitorSpec& monitor, Seconds window) const {
  const auto sums = read_window(window);
  const auto it = sums.find(monitor.tag);
  return summarize(monitor, it == sums.end() ? nullptr : &it->second);
}

std::map<std::string, Bucket> StatusSummaryService::read_window(Seconds window) const {
  const Seconds now = to_seconds(clock_.now_ms());
  const Seconds to = floor_to(now, kMinute) + kMinute;
  const Seconds from = to - window;
  const Seconds settled = floor_to(now - kSettleMargin, kDay);
  std::map<std::string, Bucket> merged;
  if (from >= settled) {
    for (const RollupSpan& span : plan_rollup_spans(from, to)) {
      merge_into(merged, read_sum_(span.granularity, span.from, span.to));
    }
    return merged;
  }
  const auto read_span = [this](const RollupSpan& span) {
    return read_sum_(span.granularity, span.from, span.to);
  };
  for (const RollupSpan& span : plan_rollup_spans(from, settled)) {
    merge_into(merged, *settled_.get(span, read_span));
  }
  // Nothing is stored after now, so the open days' rollups hold exactly [settled, to).
  merge_into(merged, read_sum_(Granularity::kDay, settled, floor_to(to, kDay) + kDay));
  return merged;
}

MonitorSummary StatusSummaryService::summarize(const MonitorSpec& monitor,
                                               const Bucket* window_bucket) const {
  MonitorSummary summary;
  summary.tag = monitor.tag;
  if (const auto live = live_.get(monitor.tag)) {
    summary.status = live->status;
    summary.live_latency_ms = live->latency_ms;
  }
  if (window_bucket != nullptr) {
    summary.counts = window_bucket->counts;
    summary.latency = window_bucket->latency;
  }
  if (summary.counts.total() > 0) {
    summary.uptime_percent = formula_of(monitor)->percent(summary.counts);
  }
  return summary;
}

std::shared_ptr<const UptimeFormula> StatusSummaryService::formula_of(
    const MonitorSpec& monitor) const {
  const std::string& key = monitor.monitor_settings_json;
  {
    std::lock_guard lock(formulas_mutex_);
    if (const auto it = formulas_.find(key); it != formulas_.end()) return it->second;
  }
  auto formula = std::make_shared<const UptimeFormula>(parse_formula(key));
  std::lock_guard lock(formulas_mutex_);
  if (formulas_.size() >= kMaxCachedFormulas) formulas_.clear();
  formulas_.emplace(key, formula);
  return formula;
}

Status overall_status(const std::vector<MonitorSummary>& summaries) {
  Status overall = Status::kNoData;
  for (const auto& summary : summaries) overall = worst(overall, summary.status);
  return overall;
}

}  // namespace vigil
