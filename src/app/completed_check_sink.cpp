#include "app/completed_check_sink.hpp"

namespace vigil {

void CompletedCheckSink::submit(CheckResult result) {
  lateness_.observe(static_cast<double>(result.started_ms - result.due_ms));
  completed_.fetch_add(1, std::memory_order_relaxed);
  if (result.status != Status::kUp) failed_.fetch_add(1, std::memory_order_relaxed);
  scheduler_.finished(result.monitor_tag, result.check_id);
  ingestor_.submit(std::move(result));
}

}  // namespace vigil
