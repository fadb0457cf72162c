#pragma once

#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/page_spec.hpp"
#include "services/monitor_service.hpp"
#include "services/page_service.hpp"

namespace vigil {

//! A page in Kener's v4 shape: page_path as "~home" for the home page, page_settings with every
//! setting, monitors as full Monitor objects in display order, ISO 8601 timestamps.
boost::json::object page_to_json(const PageSpec& page, const MonitorService& monitors);

//! Reads a CreatePageRequest body (page_path, page_title and page_header required); unknown
//! fields and wrong types are kBadRequest errors.
Result<PageSpec> page_from_json(const boost::json::object& body);

//! Reads an UpdatePageRequest body; unknown fields and wrong types are kBadRequest errors.
Result<PagePatch> page_patch_from_json(const boost::json::object& body);

}  // namespace vigil
