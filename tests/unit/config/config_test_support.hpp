#pragma once

#include <gmock/gmock.h>

#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config_loader.hpp"
#include "fake_monitor_type_catalog.hpp"
#include "services/json_site_schema.hpp"

namespace vigil {

//! Shows a ConfigError in test failure messages.
inline void PrintTo(const ConfigError& error, std::ostream* out) {
  *out << error.to_string();
}

}  // namespace vigil

namespace vigil::testing {

//! A loader with the fake monitor catalog and the real site schema.
inline ConfigLoader test_loader() {
  static const FakeMonitorTypeCatalog catalog;
  static const JsonSiteSchema site_schema;
  return ConfigLoader(catalog, site_schema);
}

//! Loads YAML text as "vigil.yaml" with test_loader(). A leading newline is dropped, so a raw
//! string may start on its own line and line 1 is the first line of YAML.
inline ConfigLoadResult load_yaml(std::string_view yaml) {
  if (yaml.starts_with('\n')) yaml.remove_prefix(1);
  return test_loader().load_text(std::string(yaml), "vigil.yaml");
}

//! The errors of a load; empty when it succeeded.
inline std::vector<ConfigError> errors_of(const ConfigLoadResult& result) {
  const auto* errors = std::get_if<std::vector<ConfigError>>(&result);
  return errors != nullptr ? *errors : std::vector<ConfigError>{};
}

//! An error on `line` whose message contains `text`.
MATCHER_P2(ErrorAt, line, text,
           "an error on line " + std::to_string(line) + " mentioning " + text) {
  return arg.line == line && arg.message.find(text) != std::string::npos;
}

}  // namespace vigil::testing
