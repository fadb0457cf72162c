#pragma once

#include <string>

#include "http/router.hpp"

namespace vigil {

//! The project's OpenAPI document: the fragments in src/api/openapi/*.json (compiled into the
//! binary) merged into one, objects key by key, in file-name order.
const std::string& openapi_document();

//! Serves openapi_document() at GET /api/openapi.json (public, like Kener's docs).
void add_openapi_route(Router& router);

}  // namespace vigil
