#pragma once

#include <chrono>
#include <cstddef>

#include "core/time_units.hpp"

namespace vigil {

//! How the delivery worker paces and retries sends.
struct DeliverySettings {
  Seconds retry_base = 5;     //!< delay before the second attempt; doubles after each failure
  Seconds retry_cap = kHour;  //!< longest delay between attempts
  int max_attempts = 12;      //!< attempts before a message is FAILED
  std::size_t batch = 50;     //!< messages taken per round
  std::chrono::milliseconds send_timeout{10'000};  //!< limit for one send
  std::chrono::milliseconds poll_interval{
      1'000};  //!< how often a running worker looks for due messages
};

//! The delay after failed attempt number `attempts` (1-based): retry_base doubled per earlier
//! attempt, capped at retry_cap, with "equal jitter" (half fixed, half scaled by `random` in
//! [0, 1)); at least one second.
Seconds retry_delay(const DeliverySettings& settings, int attempts, double random);

}  // namespace vigil
