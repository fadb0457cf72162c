#include "config/site_section_reader.hpp"

#include <yaml-cpp/yaml.h>
#include <boost/json/serialize.hpp>

#include <set>

#include "config/yaml_mapping.hpp"
#include "config/yaml_to_json.hpp"

namespace vigil {

std::vector<SiteDataEntry> read_site_section(const YAML::Node& node, const SiteSchema& schema,
                                             ErrorList& errors) {
  std::vector<std::string_view> names;
  for (const SiteKey& key : site_keys()) names.push_back(key.name);
  // Reports unknown and duplicate keys; a key set to null (an announcement cleared with `~`)
  // still counts, so the values are read from the node itself.
  YamlMapping site(node, "site", names, errors);
  if (node.IsNull() || !site.is_mapping()) return {};

  std::vector<SiteDataEntry> entries;
  std::set<std::string> seen;
  for (const auto& item : node) {
    if (!item.first.IsScalar()) continue;
    const SiteKey* key = find_site_key(item.first.Scalar());
    if (key == nullptr || !seen.insert(item.first.Scalar()).second) continue;
    std::string value = boost::json::serialize(yaml_to_json(item.second, errors));
    if (auto problem = schema.check_site_value(key->name, value)) {
      errors.add(item.first.Mark(), *problem);
      continue;
    }
    entries.push_back(SiteDataEntry{std::string(key->name), key->data_type, std::move(value)});
  }
  return entries;
}

}  // namespace vigil
