#pragma once

#include "core/time_units.hpp"

namespace vigil {

//! Wall-clock time, injected everywhere so tests control it.
class Clock {
 public:
  virtual ~Clock() = default;
  //! Milliseconds since the Unix epoch.
  virtual Millis now_ms() const = 0;
};

//! The real clock (std::chrono::system_clock).
class SystemClock final : public Clock {
 public:
  Millis now_ms() const override;
};

}  // namespace vigil
