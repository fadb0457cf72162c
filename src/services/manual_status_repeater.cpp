#include "services/manual_status_repeater.hpp"

namespace vigil {

ManualStatusRepeater::ManualStatusRepeater(MonitorService& monitors, Ingestor& ingestor,
                                           const Clock& clock, Repeats repeats)
    : monitors_(monitors), ingestor_(ingestor), clock_(clock), repeats_(std::move(repeats)) {}

int ManualStatusRepeater::fill_current_minute() {
  Seconds minute = floor_to(to_seconds(clock_.now_ms()), kMinute);
  int written = 0;
  for (const auto& spec : monitors_.all()) {
    if (!spec->active || !repeats_(*spec)) continue;
    auto rows = ingestor_.read(spec->tag, Granularity::kMinute, minute - kDay, minute + kMinute);
    if (rows.empty() || rows.back().start == minute) continue;
    const Bucket& last = rows.back();
    Bucket repeated;
    repeated.start = minute;
    repeated.add(last.status(), last.latency.avg(), "MANUAL", "");
    ingestor_.replace_minutes(spec->tag, {repeated});
    ++written;
  }
  return written;
}

}  // namespace vigil
