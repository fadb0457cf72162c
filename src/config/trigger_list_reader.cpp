#include "config/trigger_list_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "config/yaml_mapping.hpp"

namespace vigil {

std::vector<Trigger> TriggerListReader::read(const YAML::Node& list) {
  std::vector<Trigger> triggers;
  for (const YAML::Node& item : list) {
    YamlMapping fields(item, "a trigger", {"name", "type", "description", "status", "meta"},
                       errors_);
    if (!fields.is_mapping()) continue;
    Trigger trigger;
    trigger.name = fields.text("name").value_or("");
    trigger.trigger_type = fields.text("type").value_or("");
    trigger.trigger_desc = fields.text("description").value_or("");
    trigger.active = fields.choice("status", {"ACTIVE", "INACTIVE"}).value_or("ACTIVE") == "ACTIVE";
    trigger.trigger_meta = fields.json_object("meta").value_or("{}");
    for (const std::string& problem : validate_trigger(trigger)) {
      const std::string field = problem.starts_with("name") ? "name" : "type";
      if (!fields.failed(field)) fields.fail(field, problem.substr(problem.find(": ") + 2));
    }
    if (!fields.failed("name")) {
      auto [first, inserted] = name_lines_.emplace(trigger.name, fields.mark("name").line + 1);
      if (!inserted) {
        fields.fail("name", "duplicate trigger '" + trigger.name + "' (first declared on line " +
                                std::to_string(first->second) + ")");
      }
    }
    triggers.push_back(std::move(trigger));
  }
  return triggers;
}

}  // namespace vigil
