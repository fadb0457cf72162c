// vigil: serve, check-config and apikey commands.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/probe_catalog.hpp"
#include "app/server_settings.hpp"
#include "app/vigil_server.hpp"
#include "config/config_loader.hpp"
#include "services/api_key_service.hpp"
#include "services/json_site_schema.hpp"
#include "services/live_state.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace {

using namespace vigil;

constexpr int kExitConfigError = 2;

//! Loads the config file if one was given; prints every error and returns nullopt on failure.
std::optional<VigilConfig> load_config(const std::optional<std::string>& path,
                                       const ProbeRegistry& probes) {
  if (!path) return VigilConfig{};
  const JsonSiteSchema site_schema;
  ConfigLoader loader(probes, site_schema);
  auto loaded = loader.load_file(*path);
  if (auto* errors = std::get_if<std::vector<ConfigError>>(&loaded)) {
    for (const auto& error : *errors) std::cerr << error.to_string() << "\n";
    std::cerr << errors->size() << " error(s) in " << *path << "\n";
    return std::nullopt;
  }
  return std::get<VigilConfig>(std::move(loaded));
}

std::optional<ServerSettings> settings_or_report(const CommandLineSettings& flags,
                                                 const VigilConfig& config) {
  auto settings = resolve_settings(flags, config, process_environment());
  if (!settings.ok()) {
    std::cerr << "vigil: " << settings.error().message << "\n";
    return std::nullopt;
  }
  return *settings;
}

void add_storage_flags(CLI::App& command, CommandLineSettings& flags) {
  command.add_option("--config", flags.config_path, "YAML configuration file");
  command.add_option("--data", flags.data_dir, "data directory (default ./data)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Vigil: uptime monitoring, alerting and status pages"};
  app.require_subcommand(1);

  CommandLineSettings serve_flags;
  auto* serve = app.add_subcommand("serve", "run the server (all roles, one process)");
  add_storage_flags(*serve, serve_flags);
  serve->add_option("--port", serve_flags.port, "HTTP port (default 3000)")
      ->check(CLI::Range(0, 65535));

  std::string check_path;
  auto* check = app.add_subcommand("check-config", "validate a configuration file and exit");
  check->add_option("file", check_path, "YAML configuration file")->required();

  CommandLineSettings key_flags;
  std::string key_name;
  auto* apikey = app.add_subcommand("apikey", "manage API keys");
  apikey->require_subcommand(1);
  auto* create_key = apikey->add_subcommand("create", "create an API key and print it");
  create_key->add_option("--name", key_name, "a name for the key")->required();
  add_storage_flags(*create_key, key_flags);

  CLI11_PARSE(app, argc, argv);
  // Commands other than serve only validate: nothing is pushed or observed.
  HeartbeatBoard no_pushes;
  LiveState no_observations;
  ProbeRegistry probes = make_probe_registry(no_pushes, no_observations);

  try {
    if (*check) {
      auto config = load_config(check_path, probes);
      if (!config) return kExitConfigError;
      std::cout << check_path << ": OK (" << config->monitors.size() << " monitors)\n";
      return 0;
    }
    if (*create_key) {
      auto config = load_config(key_flags.config_path, probes);
      if (!config) return kExitConfigError;
      auto settings = settings_or_report(key_flags, *config);
      if (!settings) return kExitConfigError;
      SqliteDatabase database(settings->database_path);
      SqliteApiKeyStore store(database);
      ApiKeyService keys(store, settings->secret);
      CreatedApiKey created = keys.create(key_name);
      std::cout << "Created API key '" << created.record.name << "' (id " << created.record.id
                << "). It is shown only once:\n"
                << created.key << std::endl;
      return 0;
    }
    auto config = load_config(serve_flags.config_path, probes);
    if (!config) return kExitConfigError;
    if (serve_flags.config_path) {
      spdlog::info("config {}: {} monitors", *serve_flags.config_path, config->monitors.size());
    }
    auto settings = settings_or_report(serve_flags, *config);
    if (!settings) return kExitConfigError;
    VigilServer server(std::move(*settings), std::move(*config));
    return server.run();
  } catch (const std::exception& e) {
    spdlog::error("vigil: {}", e.what());
    return 1;
  }
}
