#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/monitor_impact.hpp"
#include "services/monitor_service.hpp"

namespace vigil {

//! kBadRequest naming the first linked monitor that does not exist (Kener's "Monitor with tag
//! 'x' not found"), or nullopt.
std::optional<Error> missing_monitor(const MonitorService& monitors,
                                     const std::vector<MonitorImpact>& links);

}  // namespace vigil
