#pragma once

#include "core/status.hpp"

namespace vigil {

//! What a rule looks at in one stored sample: its status and latency.
struct AlertSample {
  Status status = Status::kNoData;  //!< only UP, DEGRADED and DOWN count
  double latency_ms = 0;            //!< the check's latency
};

}  // namespace vigil
