#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

//! Checks site_data values and page settings written as JSON text. Core has no JSON parser, so
//! the configuration loader is given an implementation (services' JsonSiteSchema).
class SiteSchema {
 public:
  virtual ~SiteSchema() = default;
  //! nullopt when `value_json` is acceptable for the known key `key`; otherwise
  //! "key.field: problem".
  virtual std::optional<std::string> check_site_value(std::string_view key,
                                                      std::string_view value_json) const = 0;
  //! "page_settings.field: problem" lines for a page_settings object; empty when acceptable.
  virtual std::vector<std::string> check_page_settings(std::string_view settings_json) const = 0;
};

}  // namespace vigil
