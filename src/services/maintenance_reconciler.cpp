#include "services/maintenance_reconciler.hpp"

#include <map>

namespace vigil {
namespace {

//! True when the fields a config file declares are the same.
bool same_declaration(Maintenance a, Maintenance b) {
  sort_by_tag(a.monitors);
  sort_by_tag(b.monitors);
  return a.title == b.title && a.description == b.description && a.same_schedule(b) &&
         a.active == b.active && a.global == b.global && a.monitors == b.monitors;
}

}  // namespace

std::vector<Error> MaintenanceReconciler::reconcile(const std::vector<Maintenance>& declared) {
  std::map<std::string, Maintenance> stored;
  for (auto& maintenance : maintenances_.list(MaintenanceFilter{})) {
    stored.emplace(maintenance.title, std::move(maintenance));
  }
  std::vector<Error> errors;
  for (Maintenance maintenance : declared) {
    const std::string title = maintenance.title;
    std::optional<Error> error;
    if (const auto it = stored.find(title); it == stored.end()) {
      if (auto created = maintenances_.create(std::move(maintenance)); !created) {
        error = created.error();
      }
    } else if (!same_declaration(maintenance, it->second)) {
      maintenance.id = it->second.id;
      if (auto updated = maintenances_.update(std::move(maintenance)); !updated) {
        error = updated.error();
      }
    }
    if (error) {
      errors.push_back(Error{error->code, "maintenance '" + title + "': " + error->message});
    }
  }
  return errors;
}

}  // namespace vigil
