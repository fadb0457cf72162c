#pragma once

#include <string>
#include <variant>
#include <vector>

#include "config/vigil_config.hpp"
#include "core/monitor_type_catalog.hpp"
#include "core/site_schema.hpp"

namespace vigil {

//! A parsed configuration or every error found in it.
using ConfigLoadResult = std::variant<VigilConfig, std::vector<ConfigError>>;

//! Reads Vigil's YAML configuration. Unknown keys, wrong types, bad values, duplicate monitor
//! tags or page paths, type_data the catalog rejects and site values or page settings the schema
//! rejects are all errors; every error is reported, each with file, line and column.
class ConfigLoader {
 public:
  ConfigLoader(const MonitorTypeCatalog& catalog, const SiteSchema& site_schema)
      : catalog_(catalog), site_schema_(site_schema) {}

  //! Loads and validates a file (a missing or unreadable file is one error).
  ConfigLoadResult load_file(const std::string& path) const;
  //! Loads and validates YAML text; `file_name` is used in error messages.
  ConfigLoadResult load_text(const std::string& text, const std::string& file_name) const;

 private:
  const MonitorTypeCatalog& catalog_;
  const SiteSchema& site_schema_;
};

}  // namespace vigil
