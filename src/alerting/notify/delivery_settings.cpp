#include "alerting/notify/delivery_settings.hpp"

#include <algorithm>

namespace vigil {

Seconds retry_delay(const DeliverySettings& settings, int attempts, double random) {
  Seconds delay = settings.retry_base;
  for (int i = 1; i < attempts && delay < settings.retry_cap; ++i) delay *= 2;
  delay = std::min(delay, settings.retry_cap);
  Seconds half = delay / 2;
  Seconds jittered = delay - half + static_cast<Seconds>(static_cast<double>(half) * random);
  return std::max<Seconds>(1, jittered);
}

}  // namespace vigil
