#pragma once

#include <boost/json.hpp>

#include <optional>

#include "core/error.hpp"
#include "core/maintenance.hpp"
#include "core/maintenance_event.hpp"
#include "core/maintenance_event_detail.hpp"

namespace vigil {

//! A maintenance in Kener's v4 shape plus is_global and Vigil's timezone.
boost::json::object maintenance_to_json(const Maintenance& maintenance);

//! Applies the fields of a create (`creating`: title, start_date_time, rrule and
//! duration_seconds required) or PATCH body onto `maintenance`: those and description,
//! monitors (impact MAINTENANCE unless given), status, is_global, timezone. Unknown fields and
//! wrong JSON types are errors.
std::optional<Error> apply_maintenance_json(const boost::json::object& body, bool creating,
                                            Maintenance& maintenance);

//! An event in Kener's v4 shape: its status both as `event_status` (the OpenAPI name) and as
//! `status` (what Kener's server sends).
boost::json::object event_to_json(const MaintenanceEvent& event);

//! An event with its maintenance under "maintenance" (MaintenanceEventDetailed).
boost::json::object event_detail_to_json(const MaintenanceEventDetail& detail);

}  // namespace vigil
