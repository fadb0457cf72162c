// The vigil command line: check-config, apikey create, and serve refusing a bad config.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <regex>

#include "every_type.hpp"
#include "temp_dir.hpp"
#include "vigil_process.hpp"

namespace vigil::testing {
namespace {

std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}

TEST(CliTest, CheckConfigAcceptsTheShippedExample) {
  std::string output;
  EXPECT_EQ(run_vigil({"check-config", VIGIL_SOURCE_DIR "/examples/vigil.yaml"}, {}, output), 0)
      << output;
  EXPECT_NE(output.find("OK"), std::string::npos) << output;
}

TEST(CliTest, EveryKenerTypeIsAcceptedInTheConfigFile) {
  TempDir dir;
  // JSON is YAML, so each type_data can be written as it is.
  std::string yaml = "monitors:\n";
  for (const auto& [type, type_data] : every_monitor_type()) {
    std::string tag = type == "API" ? "every-api" : type == "TCP" ? "every-tcp" : "m-" + type;
    for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string flat = type_data;
    for (auto& c : flat) c = c == '\n' ? ' ' : c;
    yaml += "  - tag: " + tag + "\n    name: " + type + "\n    monitor_type: " + type +
            "\n    type_data: " + flat + "\n";
  }
  std::string path = write_file(dir, "all.yaml", yaml);
  std::string output;
  EXPECT_EQ(run_vigil({"check-config", path}, {}, output), 0) << output << "\n" << yaml;
  EXPECT_NE(output.find("OK (11 monitors)"), std::string::npos) << output;
}

TEST(CliTest, CheckConfigReportsEveryErrorWithFileAndLine) {
  TempDir dir;
  std::string path = write_file(dir, "bad.yaml", R"(monitors:
  - tag: ok-one
    name: Fine
    monitor_type: NONE
  - tag: Bad Tag
    name: Broken
    monitor_type: NONE
    colour: red
  - tag: web
    name: Web
    monitor_type: API
    interval_seconds: 10
    type_data:
      method: GET
)");
  std::string output;
  EXPECT_EQ(run_vigil({"check-config", path}, {}, output), 2);
  EXPECT_TRUE(std::regex_search(output, std::regex("bad\\.yaml:5:[0-9]+: .*tag"))) << output;
  EXPECT_TRUE(std::regex_search(output, std::regex("bad\\.yaml:8:[0-9]+: .*colour"))) << output;
  EXPECT_TRUE(std::regex_search(output, std::regex("bad\\.yaml:1[34]:[0-9]+: .*url"))) << output;
}

TEST(CliTest, ServeRefusesABadConfigWithoutStarting) {
  TempDir dir;
  std::string path = write_file(dir, "bad.yaml", "monitors: [\n");
  std::string output;
  EXPECT_EQ(
      run_vigil({"serve", "--config", path, "--data", dir.file("data"), "--port", "0"}, {}, output),
      2);
  EXPECT_NE(output.find("bad.yaml:"), std::string::npos) << output;
}

TEST(CliTest, ApiKeyCreatePrintsTheKeyOnItsLastLine) {
  TempDir dir;
  std::string output;
  ASSERT_EQ(run_vigil({"apikey", "create", "--name", "ci", "--data", dir.file("data")}, {}, output),
            0)
      << output;
  EXPECT_TRUE(std::regex_match(last_line(output), std::regex("vigil_[0-9a-f]{64}"))) << output;
  std::string second;
  ASSERT_EQ(
      run_vigil({"apikey", "create", "--name", "ci2", "--data", dir.file("data")}, {}, second), 0);
  EXPECT_NE(last_line(output), last_line(second));
}

TEST(CliTest, UnsupportedDatabaseUrlIsAClearError) {
  TempDir dir;
  std::string output;
  EXPECT_NE(run_vigil({"apikey", "create", "--name", "x"},
                      {{"DATABASE_URL", "oracle://somewhere"}, {"VIGIL_DATA_DIR", dir.file("d")}},
                      output),
            0);
  EXPECT_NE(output.find("DATABASE_URL"), std::string::npos) << output;
}

}  // namespace
}  // namespace vigil::testing
