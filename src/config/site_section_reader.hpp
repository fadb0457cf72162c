#pragma once

#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"
#include "core/site_schema.hpp"
#include "core/site_settings.hpp"

namespace vigil {

//! Reads the `site` mapping: Kener's site_data keys (unknown ones are errors), each value
//! converted to JSON and checked by `schema`. Returns the accepted values in file order.
std::vector<SiteDataEntry> read_site_section(const YAML::Node& node, const SiteSchema& schema,
                                             ErrorList& errors);

}  // namespace vigil
