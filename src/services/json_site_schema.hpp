#pragma once

#include "core/site_schema.hpp"

namespace vigil {

//! SiteSchema with the same readers the site and page services use, for the config loader.
class JsonSiteSchema final : public SiteSchema {
 public:
  std::optional<std::string> check_site_value(std::string_view key,
                                              std::string_view value_json) const override;
  std::vector<std::string> check_page_settings(std::string_view settings_json) const override;
};

}  // namespace vigil
