#include "core/outbox_message.hpp"

namespace vigil {

std::string_view to_string(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kPending:
      return "PENDING";
    case DeliveryStatus::kSent:
      return "SENT";
    case DeliveryStatus::kFailed:
      return "FAILED";
  }
  return "PENDING";
}

std::optional<DeliveryStatus> parse_delivery_status(std::string_view text) {
  for (DeliveryStatus s :
       {DeliveryStatus::kPending, DeliveryStatus::kSent, DeliveryStatus::kFailed}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

}  // namespace vigil
