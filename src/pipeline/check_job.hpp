#pragma once

#include <cstdint>
#include <memory>

#include "core/monitor_spec.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! A request to run one check of one monitor, from the scheduler to an executor.
struct CheckJob {
  std::shared_ptr<const MonitorSpec> monitor;  //!< immutable snapshot; an edit makes a new one
  std::uint64_t check_id = 0;                  //!< make_check_id(tag, due_ms)
  Millis due_ms = 0;                           //!< when it should start
};

}  // namespace vigil
