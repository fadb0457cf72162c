#pragma once

#include <optional>
#include <string>

#include "config/vigil_config.hpp"
#include "core/env_substitution.hpp"
#include "core/error.hpp"
#include "storage/result_store.hpp"

namespace vigil {

//! What the command line gave (each optional).
struct CommandLineSettings {
  std::optional<std::string> config_path;
  std::optional<std::string> data_dir;
  std::optional<int> port;
};

//! The settings a server runs with, after flags > environment > YAML > defaults.
struct ServerSettings {
  std::string data_dir = "./data";
  std::string database_path;  //!< SQLite file
  int port = 3000;
  std::string secret;  //!< HMAC key for API keys
  RetentionPolicy retention;
};

//! Resolves the settings. Environment: PORT / VIGIL_PORT, DATABASE_URL / VIGIL_DATABASE_URL
//! (sqlite://PATH), VIGIL_DATA_DIR, VIGIL_SECRET_KEY / KENER_SECRET_KEY. Without a secret in the
//! environment one is generated into `<data_dir>/secret_key` on first start and reused after.
Result<ServerSettings> resolve_settings(const CommandLineSettings& flags, const VigilConfig& config,
                                        const EnvLookup& env);

}  // namespace vigil
