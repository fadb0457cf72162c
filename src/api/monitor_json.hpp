#pragma once

#include <boost/json.hpp>

#include <optional>

#include "core/error.hpp"
#include "core/monitor_spec.hpp"

namespace vigil {

//! A monitor in Kener's v4 JSON shape, plus Vigil's interval_seconds and confirmation_threshold.
boost::json::object monitor_to_json(const MonitorSpec& spec);

//! Applies the fields of a create (`creating`) or PATCH body onto `spec`, checking each field's
//! JSON type and Kener's enumerations. Unknown fields, and `tag` in a PATCH, are errors.
std::optional<Error> apply_monitor_json(const boost::json::object& body, bool creating,
                                        MonitorSpec& spec);

}  // namespace vigil
