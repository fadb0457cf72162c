#include "services/json_site_schema.hpp"

#include "core/site_settings.hpp"
#include "services/page_settings_reader.hpp"
#include "services/site_value_reader.hpp"

namespace vigil {

std::optional<std::string> JsonSiteSchema::check_site_value(std::string_view key,
                                                            std::string_view value_json) const {
  const SiteKey* site_key = find_site_key(key);
  if (site_key == nullptr) return std::string(key) + ": not a site setting";
  SiteSettings settings;
  auto applied = apply_site_value(*site_key, value_json, settings);
  if (!applied.ok()) return applied.error().message;
  return std::nullopt;
}

std::vector<std::string> JsonSiteSchema::check_page_settings(std::string_view settings_json) const {
  std::vector<std::string> problems;
  PageSettings settings;
  resolve_page_settings("{}", settings_json, settings, problems);
  return problems;
}

}  // namespace vigil
