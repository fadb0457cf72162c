#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/site_settings.hpp"

namespace vigil {

//! Reads `value_json` as the value of `key` into `settings`, checking it as Kener does and more
//! (hex colours, URLs, IANA zones, locale lists, ...). Returns the value to store, as JSON text
//! (YES/NO flags given as booleans become "YES"/"NO"); kBadRequest "key.field: problem; ..."
//! otherwise, leaving `settings` unchanged.
Result<std::string> apply_site_value(const SiteKey& key, std::string_view value_json,
                                     SiteSettings& settings);

}  // namespace vigil
