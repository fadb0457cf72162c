#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::SizeIs;

TEST(ConfigErrors, ReportsUnknownKeysAtEveryLevelTogetherInLineOrder) {
  const auto errors = errors_of(load_yaml(R"(
server:
  port: 3000
  hostname: example.com
retention:
  raw_dayz: 7
monitors:
  - tag: web
    name: Web
    colour: red
    monitor_type: NONE
alarms: []
)"));
  EXPECT_THAT(errors, ElementsAre(ErrorAt(3, "unknown key 'hostname' in server"),
                                  ErrorAt(5, "unknown key 'raw_dayz' in retention"),
                                  ErrorAt(9, "unknown key 'colour' in a monitor"),
                                  ErrorAt(11, "unknown key 'alarms'")));
  EXPECT_EQ(errors[2].to_string(),
            "vigil.yaml:9:5: unknown key 'colour' in a monitor (known keys: tag, name, "
            "description, image, category_name, external_url, monitor_type, type_data, cron, "
            "interval_seconds, default_status, status, is_hidden, confirmation_threshold, "
            "include_degraded_in_downtime, monitor_settings_json)");
}

TEST(ConfigErrors, ReportsValuesOfTheWrongType) {
  const auto errors = errors_of(load_yaml(R"(
server:
  port: abc
  data_dir: [a, b]
retention:
  raw_days: 0
  hour_days: "365"
monitors:
  - tag: web
    name: Web
    monitor_type: NONE
    interval_seconds: [1]
    is_hidden: maybe
    status: PAUSED
    default_status: MAINTENANCE
    confirmation_threshold: 2.5
    type_data: http://example.com
  - just a string
monitors_extra: 1
)"));
  EXPECT_THAT(errors, ElementsAre(ErrorAt(2, "port: expected an integer, got 'abc'"),
                                  ErrorAt(3, "data_dir: expected a string, got a list"),
                                  ErrorAt(5, "raw_days: must be at least 1"),
                                  ErrorAt(6, "hour_days: expected an integer, got \"365\""),
                                  ErrorAt(11, "interval_seconds: expected an integer, got a list"),
                                  ErrorAt(12, "is_hidden: expected YES, NO, true or false"),
                                  ErrorAt(13, "status: expected one of ACTIVE, INACTIVE"),
                                  ErrorAt(14, "default_status: expected one of UP, DEGRADED, DOWN"),
                                  ErrorAt(15, "confirmation_threshold: expected an integer"),
                                  ErrorAt(16, "type_data: expected a mapping"),
                                  ErrorAt(17, "a monitor: expected a mapping"),
                                  ErrorAt(18, "unknown key 'monitors_extra'")));
}

TEST(ConfigErrors, RejectsAPortOutOfRange) {
  EXPECT_THAT(errors_of(load_yaml("server:\n  port: 70000\n")),
              ElementsAre(ErrorAt(2, "port: must be between 0 and 65535")));
}

TEST(ConfigErrors, RejectsSectionsOfTheWrongShape) {
  EXPECT_THAT(errors_of(load_yaml("server: 3000\nretention: []\nmonitors: {tag: web}\n")),
              ElementsAre(ErrorAt(1, "server: expected a mapping"),
                          ErrorAt(2, "retention: expected a mapping"),
                          ErrorAt(3, "monitors: expected a list")));
  EXPECT_THAT(errors_of(load_yaml("- server\n")),
              ElementsAre(ErrorAt(1, "the file: expected a mapping, got a list")));
}

TEST(ConfigErrors, ReportsADuplicateTagAtTheSecondMonitor) {
  EXPECT_THAT(errors_of(load_yaml(R"(
monitors:
  - tag: web
    name: Web
  - tag: api
    name: API
  - name: Web again
    tag: web
)")),
              ElementsAre(ErrorAt(7, "tag: duplicate tag 'web' (first declared on line 2)")));
}

TEST(ConfigErrors, ReportsADuplicateKeyInAMonitor) {
  EXPECT_THAT(errors_of(load_yaml(R"(
monitors:
  - tag: web
    name: Web
    name: Web again
)")),
              ElementsAre(ErrorAt(4, "name: duplicate key")));
}

TEST(ConfigErrors, PlacesCommonFieldProblemsAtTheFieldOrTheMonitor) {
  const auto errors = errors_of(load_yaml(R"(
monitors:
  - name: No tag
    monitor_type: NONE
  - tag: Not A Valid Tag!
    name: Bad tag
  - tag: both
    name: Cron and interval
    cron: "*/5 * * * *"
    interval_seconds: 60
    confirmation_threshold: 0
)"));
  // Which problems core reports, and in which words, is core's business; where they appear (the
  // line of the field core names, or the monitor's) is the loader's.
  EXPECT_THAT(errors, ElementsAre(ErrorAt(2, "tag:"), ErrorAt(4, "tag:"),
                                  AnyOf(ErrorAt(8, "cron:"), ErrorAt(9, "interval_seconds:")),
                                  ErrorAt(10, "confirmation_threshold:")));
  EXPECT_EQ(errors[0].column, 5);
}

TEST(ConfigErrors, PlacesCatalogProblemsAtTypeDataOrMonitorType) {
  EXPECT_THAT(errors_of(load_yaml(R"(
monitors:
  - tag: web
    name: Web
    monitor_type: API
    type_data:
      method: GET
  - tag: ping
    name: Ping
    monitor_type: CARRIER_PIGEON
    type_data: {}
  - tag: tcp
    name: TCP
    monitor_type: TCP
  - tag: tcp-no-port
    name: TCP without a port
    monitor_type: TCP
    type_data:
      hosts: [{host: 127.0.0.1}]
)")),
              ElementsAre(ErrorAt(5, "type_data.url: is required"),
                          ErrorAt(9, "unknown monitor_type CARRIER_PIGEON"),
                          ErrorAt(11, "type_data.hosts: is required"),
                          ErrorAt(17, "type_data: each host needs host and port")));
}

TEST(ConfigErrors, ReportsAYamlSyntaxErrorWithItsLine) {
  const auto errors = errors_of(load_yaml(R"(
monitors:
  - tag: web
    type_data: {url: [http://example.com}
)"));
  ASSERT_THAT(errors, SizeIs(1));
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_THAT(errors[0].message, ::testing::HasSubstr("YAML syntax error"));
}

TEST(ConfigErrors, ReportsAMissingFileAsOneError) {
  TempDir dir;
  const std::string path = dir.file("absent.yaml");
  const auto errors = errors_of(test_loader().load_file(path));
  ASSERT_THAT(errors, SizeIs(1));
  EXPECT_EQ(errors[0].file, path);
  EXPECT_THAT(errors[0].message, ::testing::HasSubstr("No such file"));
  EXPECT_THAT(errors_of(test_loader().load_file(dir.path().string())), SizeIs(1));
}

}  // namespace
}  // namespace vigil::testing
