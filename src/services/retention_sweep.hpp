#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "storage/alert_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/result_store.hpp"
#include "storage/retention_policy.hpp"

namespace vigil {

//! The retention job's work: deletes what the policy no longer keeps, relative to the clock's
//! time: raw results and rollup rows, SENT and FAILED messages of the delivery log (PENDING ones
//! stay until delivered or failed) and alert history entries.
class RetentionSweep {
 public:
  //! Uses the stores and the clock, which must outlive the sweep.
  RetentionSweep(ResultStore& results, OutboxStore& outbox, AlertStore& alerts,
                 RetentionPolicy policy, const Clock& clock);

  //! Deletes everything that has expired now; returns how many rows.
  std::int64_t run();

 private:
  ResultStore& results_;
  OutboxStore& outbox_;
  AlertStore& alerts_;
  RetentionPolicy policy_;
  const Clock& clock_;
};

}  // namespace vigil
