#pragma once

#include <boost/json.hpp>

#include <optional>

#include "core/error.hpp"
#include "core/trigger.hpp"

namespace vigil {

//! A trigger in Kener's shape: id, name, trigger_type, trigger_desc, trigger_status
//! (ACTIVE/INACTIVE), trigger_meta (an object), created_at, updated_at.
boost::json::object trigger_to_json(const Trigger& trigger);

//! Applies the fields of a create (`creating`: name and trigger_type required) or PATCH body
//! onto `trigger`. Unknown fields and wrong JSON types are errors.
std::optional<Error> apply_trigger_json(const boost::json::object& body, bool creating,
                                        Trigger& trigger);

}  // namespace vigil
