#pragma once

#include <cstdint>

namespace vigil {

//! Unix time in whole seconds (UTC).
using Seconds = std::int64_t;
//! Unix time in milliseconds (UTC).
using Millis = std::int64_t;

inline constexpr Seconds kMinute = 60;
inline constexpr Seconds kHour = 3600;
inline constexpr Seconds kDay = 86400;

//! Rounds `t` down to a multiple of `period` (also for times before 1970).
constexpr Seconds floor_to(Seconds t, Seconds period) {
  Seconds r = t % period;
  return r < 0 ? t - r - period : t - r;
}

//! Converts milliseconds to the whole second that contains them.
constexpr Seconds to_seconds(Millis ms) { return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000); }

}  // namespace vigil
