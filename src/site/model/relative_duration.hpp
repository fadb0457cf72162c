#pragma once

#include <string>

#include "core/time_units.hpp"

namespace vigil {

//! A duration in its two largest units, for incident and maintenance lengths: "45s", "5m 10s",
//! "2h 15m", "2h", "3d 4h". Negative durations read as "0s".
std::string relative_duration(Seconds duration);

}  // namespace vigil
