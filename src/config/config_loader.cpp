#include "config/config_loader.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "config/alert_list_reader.hpp"
#include "config/error_list.hpp"
#include "config/maintenance_list_reader.hpp"
#include "config/monitor_list_reader.hpp"
#include "config/page_list_reader.hpp"
#include "config/site_section_reader.hpp"
#include "config/trigger_list_reader.hpp"
#include "config/yaml_mapping.hpp"

namespace vigil {
namespace {

constexpr int kMaxPort = 65535;

ServerSection read_server(YamlMapping server) {
  return ServerSection{
      .port = server.integer("port", 0, kMaxPort),
      .data_dir = server.text("data_dir"),
      .database_url = server.text("database_url"),
  };
}

RetentionSection read_retention(YamlMapping retention) {
  return RetentionSection{
      .raw_days = retention.integer("raw_days", 1),
      .minute_days = retention.integer("minute_days", 1),
      .hour_days = retention.integer("hour_days", 1),
      .delivery_log_days = retention.integer("delivery_log_days", 1),
      .alert_history_days = retention.integer("alert_history_days", 1),
  };
}

}  // namespace

ConfigLoadResult ConfigLoader::load_file(const std::string& path) const {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return std::vector<ConfigError>{{path, 0, 0, "cannot read the file: it is a directory"}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::vector<ConfigError>{
        {path, 0, 0, "cannot read the file: " + std::string(std::strerror(errno))}};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_text(text.str(), path);
}

ConfigLoadResult ConfigLoader::load_text(const std::string& text,
                                         const std::string& file_name) const {
  ErrorList errors(file_name);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    errors.add(e.mark, "YAML syntax error: " + e.msg);
    return std::move(errors).sorted();
  }

  YamlMapping top(
      root, "the file",
      {"server", "retention", "site", "monitors", "pages", "triggers", "alerts", "maintenances"},
      errors);
  VigilConfig config;
  config.server = read_server(
      YamlMapping(top.value("server"), "server", {"port", "data_dir", "database_url"}, errors));
  config.retention = read_retention(YamlMapping(
      top.value("retention"), "retention",
      {"raw_days", "minute_days", "hour_days", "delivery_log_days", "alert_history_days"}, errors));
  config.site = read_site_section(top.value("site"), site_schema_, errors);
  config.monitors = MonitorListReader(catalog_, errors).read(top.list("monitors"));
  config.pages = PageListReader(site_schema_, errors).read(top.list("pages"));
  TriggerListReader triggers(errors);
  config.triggers = triggers.read(top.list("triggers"));
  config.alerts = AlertListReader(triggers, errors).read(top.list("alerts"));
  config.maintenances = MaintenanceListReader(errors).read(top.list("maintenances"));

  if (!errors.empty()) return std::move(errors).sorted();
  return config;
}

}  // namespace vigil
