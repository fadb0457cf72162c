#include "core/rollup_plan.hpp"

namespace vigil {
namespace {

constexpr Seconds ceil_to(Seconds t, Seconds period) {
  return -floor_to(-t, period);
}

void add_span(std::vector<RollupSpan>& spans, Granularity g, Seconds from, Seconds to) {
  if (from < to) spans.push_back(RollupSpan{g, from, to});
}

}  // namespace

std::vector<RollupSpan> plan_rollup_spans(Seconds from, Seconds to) {
  from = floor_to(from, kMinute);
  to = floor_to(to, kMinute);
  std::vector<RollupSpan> spans;
  const Seconds hours_from = ceil_to(from, kHour);
  const Seconds hours_to = floor_to(to, kHour);
  if (hours_from >= hours_to) {
    // No whole hour inside: one minute span beats two adjacent ones.
    add_span(spans, Granularity::kMinute, from, to);
    return spans;
  }
  const Seconds days_from = ceil_to(hours_from, kDay);
  const Seconds days_to = floor_to(hours_to, kDay);
  add_span(spans, Granularity::kMinute, from, hours_from);
  if (days_from < days_to) {
    add_span(spans, Granularity::kHour, hours_from, days_from);
    add_span(spans, Granularity::kDay, days_from, days_to);
    add_span(spans, Granularity::kHour, days_to, hours_to);
  } else {
    add_span(spans, Granularity::kHour, hours_from, hours_to);
  }
  add_span(spans, Granularity::kMinute, hours_to, to);
  return spans;
}

}  // namespace vigil
