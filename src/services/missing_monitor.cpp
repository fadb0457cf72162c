#include "services/missing_monitor.hpp"

namespace vigil {

std::optional<Error> missing_monitor(const MonitorService& monitors,
                                     const std::vector<MonitorImpact>& links) {
  for (const auto& link : links) {
    if (!monitors.find(link.monitor_tag)) {
      return Error{ErrorCode::kBadRequest, "Monitor with tag '" + link.monitor_tag + "' not found"};
    }
  }
  return std::nullopt;
}

}  // namespace vigil
