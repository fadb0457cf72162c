#include "probes/sql/sql_probe.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "probe_harness.hpp"
#include "probes/sql/secret_scrubber.hpp"
#include "temp_dir.hpp"

extern char** environ;

namespace vigil {
namespace {

using testing::ProbeHarness;
using testing::TempDir;
using SteadyClock = std::chrono::steady_clock;

// The database account the tests connect as; '@' must be written %40 in a URL.
constexpr const char* kUser = "vigil";
constexpr const char* kPassword = "Sup3r@Secret";
constexpr const char* kPasswordInUrl = "Sup3r%40Secret";
constexpr const char* kWrongPassword = "Wr0ngHorseBattery";

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

// Runs a shell command, bounded in time; throws when it fails.
void shell(const std::string& command) {
  std::string bounded = "timeout 60 " + command;
  if (std::system(bounded.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

// Retries `command` until it succeeds, for at most 30 s.
void wait_until(const std::string& command) {
  auto deadline = SteadyClock::now() + std::chrono::seconds(30);
  while (std::system((command + " >/dev/null 2>&1").c_str()) != 0) {
    if (SteadyClock::now() > deadline) throw std::runtime_error("never ready: " + command);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// A PostgreSQL cluster of its own in a temp dir, run as the postgres user, with a role and a
// database named vigil.
class PostgresServer {
 public:
  PostgresServer() : port_(free_port()) {
    shell("chown postgres " + dir_.path().string());
    std::string bin = "runuser -u postgres -- /usr/lib/postgresql/15/bin/";
    shell(bin + "initdb -D " + data() + " -U postgres -A scram-sha-256 --auth-local=trust " +
          ">/dev/null");
    shell(bin + "pg_ctl -D " + data() + " -l " + dir_.file("log") + " -w -o \"-p " +
          std::to_string(port_) + " -k " + dir_.path().string() +
          " -c listen_addresses=127.0.0.1\" start >/dev/null");
    std::string psql = bin + "psql -q -h " + dir_.path().string() + " -p " + std::to_string(port_) +
                       " -U postgres -c ";
    shell(psql + "\"CREATE ROLE " + kUser + " LOGIN PASSWORD '" + kPassword + "'\"");
    shell(psql + "\"CREATE DATABASE " + kUser + " OWNER " + kUser + "\"");
  }
  ~PostgresServer() {
    std::system(("timeout 60 runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D " +
                 data() + " -m immediate -w stop >/dev/null")
                    .c_str());
  }

  int port() const { return port_; }
  //! A URL for the vigil role with `password` (as written in a URL).
  std::string url(const std::string& password) const {
    return "postgresql://" + std::string(kUser) + ":" + password +
           "@127.0.0.1:" + std::to_string(port_) + "/" + kUser;
  }

 private:
  std::string data() const { return dir_.file("data"); }

  TempDir dir_;
  int port_;
};

// A MariaDB server of its own in a temp dir, with a user and a database named vigil.
class MariadbServer {
 public:
  MariadbServer() : port_(free_port()) {
    std::string install = "mariadb-install-db --no-defaults --datadir=" + dir_.file("data") +
                          " --user=root --skip-test-db >" + dir_.file("install.log") + " 2>&1";
    // The bootstrap fails now and then on a loaded machine; one clean retry, then it is fatal.
    if (std::system(install.c_str()) != 0) {
      std::filesystem::remove_all(dir_.file("data"));
      shell(install);
    }
    std::vector<std::string> args = {"mariadbd",
                                     "--no-defaults",
                                     "--datadir=" + dir_.file("data"),
                                     "--port=" + std::to_string(port_),
                                     "--bind-address=127.0.0.1",
                                     "--socket=" + socket_path(),
                                     "--pid-file=" + dir_.file("pid"),
                                     "--log-error=" + dir_.file("log"),
                                     "--user=root",
                                     "--skip-log-bin"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start mariadbd");
    }
    wait_until("mariadb-admin --no-defaults --socket=" + socket_path() + " ping");
    shell("mariadb --no-defaults --socket=" + socket_path() + " -uroot -e \"CREATE USER '" + kUser +
          "'@'%' IDENTIFIED BY '" + kPassword + "'; CREATE DATABASE " + kUser + "; GRANT ALL ON " +
          kUser + ".* TO '" + kUser + "'@'%';\"");
  }
  ~MariadbServer() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    auto deadline = SteadyClock::now() + std::chrono::seconds(30);
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (SteadyClock::now() > deadline) ::kill(pid_, SIGKILL);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  int port() const { return port_; }
  //! A URL for the vigil user with `password` (as written in a URL).
  std::string url(const std::string& password) const {
    return "mysql://" + std::string(kUser) + ":" + password +
           "@127.0.0.1:" + std::to_string(port_) + "/" + kUser;
  }

 private:
  std::string socket_path() const { return dir_.file("sock"); }

  TempDir dir_;
  int port_;
  pid_t pid_ = 0;
};

// type_data for `db_type` and `connection`, plus extra JSON fields.
std::string type_data(const std::string& db_type, const std::string& connection,
                      const std::string& extra = "") {
  std::string json = "{\"dbType\":\"" + db_type + "\",\"connectionString\":\"" + connection + "\"";
  return json + (extra.empty() ? "" : "," + extra) + "}";
}

SqlProbe::Settings settings_of(const std::string& text) {
  auto settings = SqlProbe::parse(text);
  if (!settings) throw std::runtime_error(settings.error().message);
  return *settings;
}

EnvLookup environment_with(std::string name, std::string value) {
  return [name, value](const std::string& wanted) -> std::optional<std::string> {
    if (wanted == name) return value;
    return std::nullopt;
  };
}

EnvLookup no_environment() {
  return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
}

CheckResult run_check(const std::string& text, EnvLookup env = no_environment()) {
  SqlProbe probe(settings_of(text), std::move(env));
  ProbeHarness harness;
  return harness.run(probe);
}

double millis_since(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// ---- validation ----

TEST(SqlProbeSettings, DefaultsFollowKener) {
  auto settings = settings_of(type_data("pg", "postgresql://u:p@localhost:5432/db"));
  EXPECT_EQ(settings.engine, SqlProbe::Engine::kPostgres);
  EXPECT_EQ(settings.query, "SELECT 1");
  EXPECT_EQ(settings.timeout_ms, 5000);
}

TEST(SqlProbeSettings, AcceptsEverySpellingOfEachEngine) {
  for (const char* name : {"pg", "postgres", "postgresql"}) {
    EXPECT_EQ(settings_of(type_data(name, "postgresql://h/db")).engine,
              SqlProbe::Engine::kPostgres);
  }
  for (const char* name : {"mysql2", "mysql", "mariadb"}) {
    EXPECT_EQ(settings_of(type_data(name, "mysql://h/db")).engine, SqlProbe::Engine::kMysql);
  }
  for (const char* name : {"sqlite3", "sqlite"}) {
    EXPECT_EQ(settings_of(type_data(name, "/tmp/x.db")).engine, SqlProbe::Engine::kSqlite);
  }
}

TEST(SqlProbeSettings, InfersTheEngineFromTheScheme) {
  auto settings = SqlProbe::parse(R"({"connectionString":"mysql://u:p@h:3306/db"})");
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings->engine, SqlProbe::Engine::kMysql);
}

TEST(SqlProbeSettings, RejectsMissingConnectionString) {
  auto settings = SqlProbe::parse(R"({"dbType":"pg","query":"SELECT 1"})");
  ASSERT_FALSE(settings);
  EXPECT_NE(settings.error().message.find("type_data.connectionString"), std::string::npos);
}

TEST(SqlProbeSettings, RejectsUnsupportedEngines) {
  for (const char* name : {"mssql", "oracledb"}) {
    auto settings = SqlProbe::parse(type_data(name, "Server=h;Database=d"));
    ASSERT_FALSE(settings);
    EXPECT_NE(settings.error().message.find("type_data.dbType"), std::string::npos);
    EXPECT_NE(settings.error().message.find("not supported"), std::string::npos);
  }
  EXPECT_FALSE(SqlProbe::parse(type_data("mongodb", "mongodb://h/db")));
}

TEST(SqlProbeSettings, RejectsBadUrlsWithoutRepeatingThePassword) {
  for (const std::string& text :
       {type_data("mysql2", "postgresql://u:Hunter2Pw@h/db"),
        type_data("mysql2", "mysql://u:Hunter2Pw@h:99999/db"), type_data("mysql2", "not a url"),
        type_data("pg", "postgresql://u:Hunter2Pw@h/db?nosuchoption=1"),
        type_data("pg", "postgresql://u:Hunter2Pw@h/db?password=Hunter2Pw&bogus=1")}) {
    auto settings = SqlProbe::parse(text);
    ASSERT_FALSE(settings) << text;
    EXPECT_NE(settings.error().message.find("type_data.connectionString"), std::string::npos)
        << settings.error().message;
    EXPECT_EQ(settings.error().message.find("Hunter2Pw"), std::string::npos)
        << settings.error().message;
  }
}

TEST(SqlProbeSettings, RejectsEmptyQueryBadTimeoutAndUnknownKeys) {
  auto settings = SqlProbe::parse(
      type_data("pg", "postgresql://h/db", R"("query":"  ","timeout":0,"colour":"red")"));
  ASSERT_FALSE(settings);
  const std::string& message = settings.error().message;
  EXPECT_NE(message.find("type_data.query"), std::string::npos) << message;
  EXPECT_NE(message.find("type_data.timeout"), std::string::npos) << message;
  EXPECT_NE(message.find("type_data.colour"), std::string::npos) << message;
}

TEST(SqlProbeSettings, MalformedInputIsAnErrorNotACrash) {
  for (const char* text : {"", "[]", "{", R"({"connectionString":5})", R"({"dbType":null})",
                           "{\"connectionString\":\"mysql://[::1\"}"}) {
    EXPECT_FALSE(SqlProbe::parse(text)) << text;
  }
}

TEST(SecretScrubber, HidesThePasswordAsWrittenAndDecoded) {
  auto scrubber = SecretScrubber::for_connection_string("mysql://u:p%40ss@h/db");
  EXPECT_EQ(scrubber.scrub("bad p%40ss and p@ss"), "bad *** and ***");
  auto keyword = SecretScrubber::for_connection_string("postgresql://h/db?password=abc123&x=1");
  EXPECT_EQ(keyword.scrub("password abc123"), "password ***");
  EXPECT_EQ(SecretScrubber::for_connection_string("/var/db.sqlite").scrub("as is"), "as is");
}

// ---- PostgreSQL ----

class SqlProbePostgres : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<PostgresServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  static std::unique_ptr<PostgresServer> server_;
};

std::unique_ptr<PostgresServer> SqlProbePostgres::server_;

TEST_F(SqlProbePostgres, SelectOneIsUp) {
  CheckResult result = run_check(type_data("pg", server_->url(kPasswordInUrl)));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_kind, ErrorKind::kNone);
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_GE(result.latency_ms, result.phases.connect_ms);
}

TEST_F(SqlProbePostgres, PasswordComesFromTheEnvironment) {
  CheckResult result = run_check(type_data("pg", server_->url("$PG_PASSWORD")),
                                 environment_with("PG_PASSWORD", kPasswordInUrl));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(SqlProbePostgres, SyntaxErrorIsDownWithTheServerMessage) {
  CheckResult result =
      run_check(type_data("pg", server_->url(kPasswordInUrl), R"("query":"SELEC 1")"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_NE(result.error_message.find("syntax error"), std::string::npos) << result.error_message;
}

TEST_F(SqlProbePostgres, WrongPasswordIsDownAndNeverShown) {
  CheckResult result = run_check(type_data("pg", server_->url(kWrongPassword)));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("password authentication failed"), std::string::npos)
      << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos);
}

TEST_F(SqlProbePostgres, PasswordEchoedByTheServerIsScrubbed) {
  // The server names the user in its message; here the user name is the password itself.
  std::string url = "postgresql://" + std::string(kWrongPassword) + ":" + kWrongPassword +
                    "@127.0.0.1:" + std::to_string(server_->port()) + "/vigil";
  CheckResult result = run_check(type_data("pg", url));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("***"), std::string::npos) << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos) << result.error_message;
}

TEST_F(SqlProbePostgres, SlowQueryTimesOutWithinTheTimeout) {
  auto start = SteadyClock::now();
  CheckResult result = run_check(type_data(
      "pg", server_->url(kPasswordInUrl), R"json("query":"SELECT pg_sleep(5)","timeout":700)json"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_LT(millis_since(start), 2500);
}

TEST_F(SqlProbePostgres, CopyQueryIsDownNotAHang) {
  CheckResult result = run_check(
      type_data("pg", server_->url(kPasswordInUrl), R"("query":"COPY (SELECT 1) TO STDOUT")"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("COPY"), std::string::npos);
}

TEST(SqlProbePostgresOffline, RefusedPortIsDownRefused) {
  CheckResult result =
      run_check(type_data("pg", "postgresql://vigil:" + std::string(kWrongPassword) +
                                    "@127.0.0.1:" + std::to_string(free_port()) + "/vigil"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused) << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos);
}

TEST_F(SqlProbePostgres, HostNameIsResolvedOnTheLoop) {
  std::string url = server_->url(kPasswordInUrl);
  url.replace(url.find("127.0.0.1"), 9, "localhost");
  CheckResult result = run_check(type_data("pg", url));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.resolved_ip, "127.0.0.1");
}

TEST(SqlProbeOffline, UnknownHostIsDownDns) {
  for (const std::string& text :
       {type_data("pg", "postgresql://vigil:pw@nonexistent.invalid:5432/vigil"),
        type_data("mysql2", "mysql://vigil:pw@nonexistent.invalid:3306/vigil")}) {
    CheckResult result = run_check(text);
    EXPECT_EQ(result.status, Status::kDown) << text;
    EXPECT_EQ(result.error_kind, ErrorKind::kDns) << text << ": " << result.error_message;
    EXPECT_NE(result.error_message.find("nonexistent.invalid"), std::string::npos);
  }
}

// ---- MySQL / MariaDB ----

class SqlProbeMariadb : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<MariadbServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  static std::unique_ptr<MariadbServer> server_;
};

std::unique_ptr<MariadbServer> SqlProbeMariadb::server_;

TEST_F(SqlProbeMariadb, SelectOneIsUp) {
  CheckResult result = run_check(type_data("mysql2", server_->url(kPasswordInUrl)));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_GT(result.latency_ms, 0);
  EXPECT_GE(result.latency_ms, result.phases.connect_ms);
}

TEST_F(SqlProbeMariadb, StatementWithoutRowsIsUp) {
  CheckResult result =
      run_check(type_data("mariadb", server_->url(kPasswordInUrl), R"("query":"DO 1")"));
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(SqlProbeMariadb, SyntaxErrorIsDownWithTheServerMessage) {
  CheckResult result =
      run_check(type_data("mysql2", server_->url(kPasswordInUrl), R"("query":"SELEC 1")"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_NE(result.error_message.find("SQL syntax"), std::string::npos) << result.error_message;
}

TEST_F(SqlProbeMariadb, WrongPasswordIsDownAndNeverShown) {
  CheckResult result = run_check(type_data("mysql", server_->url(kWrongPassword)));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("Access denied"), std::string::npos) << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos);
}

TEST_F(SqlProbeMariadb, PasswordEchoedByTheServerIsScrubbed) {
  std::string url = "mysql://" + std::string(kWrongPassword) + ":" + kWrongPassword +
                    "@127.0.0.1:" + std::to_string(server_->port()) + "/vigil";
  CheckResult result = run_check(type_data("mysql2", url));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("***"), std::string::npos) << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos) << result.error_message;
}

TEST_F(SqlProbeMariadb, SlowQueryTimesOutWithinTheTimeout) {
  auto start = SteadyClock::now();
  CheckResult result = run_check(type_data("mysql2", server_->url(kPasswordInUrl),
                                           R"json("query":"SELECT SLEEP(5)","timeout":700)json"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_LT(millis_since(start), 2500);
}

TEST(SqlProbeMariadbOffline, RefusedPortIsDownRefused) {
  CheckResult result =
      run_check(type_data("mysql2", "mysql://vigil:" + std::string(kWrongPassword) +
                                        "@127.0.0.1:" + std::to_string(free_port()) + "/vigil"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kRefused) << result.error_message;
  EXPECT_EQ(result.error_message.find(kWrongPassword), std::string::npos);
}

// ---- SQLite ----

class SqlProbeSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(database().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
  }

  std::string database() const { return dir_.file("app.db"); }

  TempDir dir_;
};

TEST_F(SqlProbeSqlite, FileIsUpAsPathAndAsUrl) {
  for (const std::string& connection : {database(), "sqlite://" + database()}) {
    CheckResult result =
        run_check(type_data("sqlite3", connection, R"("query":"SELECT count(*) FROM t")"));
    EXPECT_EQ(result.status, Status::kUp) << connection << ": " << result.error_message;
  }
}

TEST_F(SqlProbeSqlite, MissingFileIsDownAndNotCreated) {
  std::string missing = dir_.file("missing.db");
  CheckResult result = run_check(type_data("sqlite3", missing));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_NE(result.error_message.find("missing.db"), std::string::npos) << result.error_message;
  EXPECT_FALSE(std::ifstream(missing).good());
}

TEST_F(SqlProbeSqlite, BadQueryAndGarbageFileAreDown) {
  CheckResult bad_query =
      run_check(type_data("sqlite", database(), R"("query":"SELECT * FROM nowhere")"));
  EXPECT_EQ(bad_query.status, Status::kDown);
  EXPECT_NE(bad_query.error_message.find("no such table"), std::string::npos);

  std::ofstream(dir_.file("garbage.db")) << "this is not a database file, just some bytes....";
  CheckResult garbage = run_check(type_data("sqlite", dir_.file("garbage.db")));
  EXPECT_EQ(garbage.status, Status::kDown);
  EXPECT_NE(garbage.error_message.find("not a database"), std::string::npos)
      << garbage.error_message;
}

TEST_F(SqlProbeSqlite, EndlessQueryTimesOut) {
  auto start = SteadyClock::now();
  CheckResult result = run_check(type_data(
      "sqlite3", database(),
      R"("query":"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c","timeout":300)"));
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout) << result.error_message;
  EXPECT_LT(millis_since(start), 2000);
}

}  // namespace
}  // namespace vigil
