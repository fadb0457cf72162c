#pragma once

#include "core/maintenance_event_detail.hpp"

namespace vigil {

//! Told by MaintenanceService when a maintenance window changes status: by the clock
//! (advance_states(): READY, ONGOING, COMPLETED) or by hand (finish_event(): COMPLETED,
//! CANCELLED).
class MaintenanceListener {
 public:
  virtual ~MaintenanceListener() = default;
  //! `detail.event` now has `detail.event.status`.
  virtual void event_status_changed(const MaintenanceEventDetail& detail) = 0;
};

}  // namespace vigil
