#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/env_substitution.hpp"
#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's SQL monitor: connects to a database, runs one query and disconnects. UP when both
//! succeed (latency = total time), DOWN with the driver's message otherwise.
class SqlProbe final : public Probe {
 public:
  //! The database engines Vigil speaks.
  enum class Engine { kPostgres, kMysql, kSqlite };

  //! Kener's SQL type_data, validated.
  struct Settings {
    Engine engine = Engine::kPostgres;  //!< from dbType, or the connection string's scheme
    std::string connection_string;      //!< may hold `$NAME`, substituted at check time
    std::string query = "SELECT 1";     //!< run once per check
    long timeout_ms = 5000;             //!< connect and query together
  };

  //! Parses and validates type_data; the error names every bad field and never the password.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings` that reads `$NAME` values through `env`.
  SqlProbe(Settings settings, EnvLookup env);
  //! Probe: runs the query on the engine's driver, within the timeout.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  Settings settings_;
  EnvLookup env_;
};

//! The SQL kind for the registry.
ProbeKind sql_probe_kind();

}  // namespace vigil
