#include "probes/sql/sql_probe.hpp"

#include <array>
#include <optional>
#include <utility>

#include <boost/json.hpp>

#include "probes/sql/mysql_check.hpp"
#include "probes/sql/postgres_check.hpp"
#include "probes/sql/secret_scrubber.hpp"
#include "probes/sql/sqlite_check.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

constexpr const char* kConnectionField = "connectionString";

//! The connectionString of a type_data text, if it has one.
std::optional<std::string> connection_string_of(const std::string& type_data) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(type_data, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const boost::json::value* field = v.as_object().if_contains(kConnectionField);
  if (!field || !field->is_string()) return std::nullopt;
  return std::string(field->as_string());
}

//! `type_data` with its connectionString replaced.
std::string with_connection_string(const std::string& type_data, const std::string& connection) {
  boost::json::value v = boost::json::parse(type_data);
  v.as_object()[kConnectionField] = connection;
  return boost::json::serialize(v);
}

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;

using Engine = SqlProbe::Engine;

// Kener's dbType values and the common spellings of the same engines.
constexpr std::array<std::pair<std::string_view, Engine>, 8> kEngineNames{{
    {"pg", Engine::kPostgres},
    {"postgres", Engine::kPostgres},
    {"postgresql", Engine::kPostgres},
    {"mysql2", Engine::kMysql},
    {"mysql", Engine::kMysql},
    {"mariadb", Engine::kMysql},
    {"sqlite3", Engine::kSqlite},
    {"sqlite", Engine::kSqlite},
}};

std::optional<Engine> engine_named(std::string_view name) {
  for (const auto& [spelling, engine] : kEngineNames) {
    if (spelling == name) return engine;
  }
  return std::nullopt;
}

// The engine a URL's scheme names ("postgresql://..." → kPostgres), if any.
std::optional<Engine> engine_of_scheme(std::string_view connection) {
  std::size_t end = connection.find("://");
  if (end == std::string_view::npos) return std::nullopt;
  return engine_named(connection.substr(0, end));
}

std::optional<std::string> connection_problem(Engine engine, std::string_view connection) {
  switch (engine) {
    case Engine::kPostgres:
      return PostgresCheck::problem(connection);
    case Engine::kMysql:
      return MysqlCheck::problem(connection);
    case Engine::kSqlite:
      return SqliteCheck::problem(connection);
  }
  return std::nullopt;
}

}  // namespace

Result<SqlProbe::Settings> SqlProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  auto connection = reader->string("connectionString", true);
  if (connection && connection->empty()) reader->fail("connectionString", "must not be empty");
  settings.connection_string = connection.value_or("");
  std::optional<Engine> engine = engine_of_scheme(settings.connection_string);
  if (auto db_type = reader->string("dbType")) {
    engine = engine_named(*db_type);
    if (*db_type == "mssql" || *db_type == "oracledb") {
      reader->fail("dbType", *db_type + " is not supported; use pg, mysql2 or sqlite3");
    } else if (!engine) {
      reader->fail("dbType", "must be pg, mysql2 or sqlite3");
    }
  } else if (!engine && connection) {
    reader->fail("dbType",
                 "is required when connectionString has no postgresql://, mysql:// or "
                 "sqlite:// scheme");
  }
  if (engine) settings.engine = *engine;
  if (auto query = reader->string("query")) {
    if (query->find_first_not_of(" \t\r\n") == std::string::npos) {
      reader->fail("query", "must not be empty");
    }
    settings.query = *query;
  }
  settings.timeout_ms = reader->integer("timeout", 1, kMaxTimeoutMs).value_or(settings.timeout_ms);
  // With `$NAME` in it, the string is only complete at check time; it is checked then.
  if (engine && connection && !connection->empty() && connection->find('$') == std::string::npos) {
    if (auto problem = connection_problem(*engine, *connection)) {
      reader->fail("connectionString", *problem);
    }
  }
  if (auto error = reader->finish()) return *error;
  return settings;
}

SqlProbe::SqlProbe(Settings settings, EnvLookup env)
    : settings_(std::move(settings)), env_(std::move(env)) {}

void SqlProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  SqlRequest request;
  request.connection = substitute_env(settings_.connection_string, env_);
  request.query = settings_.query;
  request.timeout_ms = settings_.timeout_ms;
  request.scrubber = SecretScrubber::for_connection_string(request.connection);
  switch (settings_.engine) {
    case Engine::kPostgres:
      return PostgresCheck::start(ctx.io, std::move(request), std::move(done));
    case Engine::kMysql:
      return MysqlCheck::start(ctx.io, std::move(request), std::move(done));
    case Engine::kSqlite:
      return SqliteCheck::start(ctx.io, std::move(request), std::move(done));
  }
}

ProbeKind sql_probe_kind() {
  ProbeKind kind = parsed_probe_kind<SqlProbe>("SQL", [](auto settings, const MonitorSpec&) {
    return Result<std::unique_ptr<Probe>>(
        std::make_unique<SqlProbe>(std::move(settings), process_environment()));
  });
  kind.redact = [](const MonitorSpec& spec) {
    MonitorSpec shown = spec;
    if (auto connection = connection_string_of(spec.type_data)) {
      shown.type_data = with_connection_string(
          spec.type_data, SecretScrubber::for_connection_string(*connection).scrub(*connection));
    }
    return shown;
  };
  kind.prepare = [](MonitorSpec& spec, const MonitorSpec* previous) {
    // A client that shows a monitor and sends it back sends the masked string: keep the secret.
    auto sent = connection_string_of(spec.type_data);
    auto stored = previous ? connection_string_of(previous->type_data) : std::nullopt;
    if (sent && stored && *sent != *stored &&
        SecretScrubber::for_connection_string(*stored).scrub(*stored) == *sent) {
      spec.type_data = with_connection_string(spec.type_data, *stored);
    }
  };
  return kind;
}

}  // namespace vigil
