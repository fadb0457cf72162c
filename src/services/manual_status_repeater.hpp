#pragma once

#include <functional>

#include "core/clock.hpp"
#include "services/ingestor.hpp"
#include "services/monitor_service.hpp"

namespace vigil {

//! Kener's `overrideWithLastKnownStatus` for manual (NONE) monitors: a minute nobody reported
//! repeats the last reported status (from the latest minute row of the past day) as a MANUAL row.
class ManualStatusRepeater {
 public:
  //! True for the monitors whose last status should be repeated.
  using Repeats = std::function<bool(const MonitorSpec&)>;

  ManualStatusRepeater(MonitorService& monitors, Ingestor& ingestor, const Clock& clock,
                       Repeats repeats);

  //! Writes the current minute of every repeating monitor that has none yet; returns how many.
  int fill_current_minute();

 private:
  MonitorService& monitors_;
  Ingestor& ingestor_;
  const Clock& clock_;
  Repeats repeats_;
};

}  // namespace vigil
