#pragma once

#include <yaml-cpp/node/node.h>
#include <boost/json/value.hpp>

#include "config/error_list.hpp"

namespace vigil {

//! True for an unquoted scalar, whose type YAML infers from its text.
bool is_plain_scalar(const YAML::Node& node);

//! Converts a YAML tree to JSON. Plain scalars are typed as YAML 1.2's core schema types them
//! (true/false, integers, floats, null/~); quoted scalars stay strings. A mapping key that is
//! not a scalar is reported to `errors` and skipped.
boost::json::value yaml_to_json(const YAML::Node& node, ErrorList& errors);

}  // namespace vigil
