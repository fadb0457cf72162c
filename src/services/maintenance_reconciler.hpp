#pragma once

#include <vector>

#include "core/error.hpp"
#include "core/maintenance.hpp"
#include "services/maintenance_service.hpp"

namespace vigil {

//! Makes the maintenances declared in the config file exist as declared. A declared maintenance
//! is matched with a stored one by title: created when none has it, updated when a field differs
//! (a changed schedule replaces the events not yet started), left alone when equal. Stored
//! maintenances that the file does not declare are kept (they belong to the API).
class MaintenanceReconciler {
 public:
  explicit MaintenanceReconciler(MaintenanceService& maintenances) : maintenances_(maintenances) {}

  //! Applies `declared`; returns the errors ("maintenance 'title': problem").
  std::vector<Error> reconcile(const std::vector<Maintenance>& declared);

 private:
  MaintenanceService& maintenances_;
};

}  // namespace vigil
