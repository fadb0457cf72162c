#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page_spec.hpp"

namespace vigil {

//! A page's effective settings: Kener's defaults, then `stored_json`, then `patch_json`, both
//! applied as JSON Merge Patches (RFC 7386: objects merge member by member, other values replace,
//! null removes a member so its default returns), read into `settings`. Returns the effective
//! JSON object text; on problems appends "page_settings.field: problem" lines and returns nullopt.
std::optional<std::string> resolve_page_settings(std::string_view stored_json,
                                                 std::string_view patch_json,
                                                 PageSettings& settings,
                                                 std::vector<std::string>& problems);

}  // namespace vigil
