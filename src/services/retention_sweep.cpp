#include "services/retention_sweep.hpp"

namespace vigil {

RetentionSweep::RetentionSweep(ResultStore& results, OutboxStore& outbox, AlertStore& alerts,
                               RetentionPolicy policy, const Clock& clock)
    : results_(results), outbox_(outbox), alerts_(alerts), policy_(policy), clock_(clock) {}

std::int64_t RetentionSweep::run() {
  const Seconds now = to_seconds(clock_.now_ms());
  return results_.prune(policy_, now) + outbox_.prune(now - policy_.deliveries) +
         alerts_.prune_history(now - policy_.alert_history);
}

}  // namespace vigil
