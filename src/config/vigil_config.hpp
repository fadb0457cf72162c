#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/declared_alert_rule.hpp"
#include "core/maintenance.hpp"
#include "core/monitor_spec.hpp"
#include "core/page_spec.hpp"
#include "core/site_settings.hpp"
#include "core/trigger.hpp"

namespace vigil {

//! A problem found in a configuration file, with where it is.
struct ConfigError {
  std::string file;
  int line = 0;    //!< 1-based; 0 when unknown
  int column = 0;  //!< 1-based; 0 when unknown
  std::string message;

  //! "file:line:column: message".
  std::string to_string() const;
};

//! Server settings that the YAML file may set (flags and environment override them).
struct ServerSection {
  std::optional<int> port;
  std::optional<std::string> data_dir;
  std::optional<std::string> database_url;
};

//! Retention settings in days.
struct RetentionSection {
  std::optional<int> raw_days;
  std::optional<int> minute_days;
  std::optional<int> hour_days;
  std::optional<int> delivery_log_days;   //!< SENT and FAILED deliveries
  std::optional<int> alert_history_days;  //!< alert history entries
};

//! Everything a configuration file declares.
struct VigilConfig {
  ServerSection server;
  RetentionSection retention;
  std::vector<MonitorSpec> monitors;
  std::vector<SiteDataEntry> site;  //!< site settings, in file order
  std::vector<PageSpec> pages;      //!< stored paths; page_settings_json as declared (partial)
  std::vector<Trigger> triggers;    //!< notification triggers, matched by name
  std::vector<DeclaredAlertRule> alerts;  //!< alert rules, matched by description
  std::vector<Maintenance> maintenances;  //!< maintenance plans, matched by title
};

}  // namespace vigil
