#pragma once

#include "core/maintenance.hpp"
#include "core/maintenance_event.hpp"

namespace vigil {

//! A maintenance window together with the plan it comes from (title, description, monitors).
struct MaintenanceEventDetail {
  MaintenanceEvent event;   //!< the window
  Maintenance maintenance;  //!< its plan, with the plan's monitors
};

}  // namespace vigil
