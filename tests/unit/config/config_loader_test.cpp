#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

using ::testing::IsEmpty;

//! The config of a load that must succeed; fails the test with every error otherwise.
VigilConfig config_of(const ConfigLoadResult& result) {
  for (const ConfigError& error : errors_of(result)) ADD_FAILURE() << error.to_string();
  return std::holds_alternative<VigilConfig>(result) ? std::get<VigilConfig>(result)
                                                     : VigilConfig{};
}

//! The one monitor a file declares.
MonitorSpec only_monitor(std::string_view yaml) {
  VigilConfig config = config_of(load_yaml(yaml));
  EXPECT_EQ(config.monitors.size(), 1u);
  return config.monitors.empty() ? MonitorSpec{} : config.monitors.front();
}

TEST(ConfigLoader, ReadsEveryFieldOfAFullFile) {
  const VigilConfig config = config_of(load_yaml(R"(
server:
  port: 3000
  data_dir: ./data
  database_url: sqlite://./data/vigil.db
retention:
  raw_days: 7
  minute_days: 90
  hour_days: 365
  delivery_log_days: 30
  alert_history_days: 180
monitors:
  - tag: self
    name: Vigil itself
    description: The instance's own health endpoint
    monitor_type: API
    interval_seconds: 10
    type_data:
      url: http://127.0.0.1:3000/healthcheck
      method: GET
      timeout: 5000
      headers:
        - key: Accept
          value: application/json
    default_status: UP
    status: ACTIVE
    is_hidden: NO
    confirmation_threshold: 3
    image: https://example.com/logo.png
    category_name: Home
    external_url: https://example.com
    include_degraded_in_downtime: YES
    monitor_settings_json:
      uptime_formula: up / total
  - tag: nightly
    name: Nightly job
    monitor_type: NONE
    cron: "0 3 * * *"
    status: INACTIVE
)"));

  EXPECT_EQ(config.server.port, 3000);
  EXPECT_EQ(config.server.data_dir, "./data");
  EXPECT_EQ(config.server.database_url, "sqlite://./data/vigil.db");
  EXPECT_EQ(config.retention.raw_days, 7);
  EXPECT_EQ(config.retention.minute_days, 90);
  EXPECT_EQ(config.retention.hour_days, 365);
  EXPECT_EQ(config.retention.delivery_log_days, 30);
  EXPECT_EQ(config.retention.alert_history_days, 180);
  ASSERT_EQ(config.monitors.size(), 2u);

  const MonitorSpec& self = config.monitors[0];
  EXPECT_EQ(self.tag, "self");
  EXPECT_EQ(self.name, "Vigil itself");
  EXPECT_EQ(self.description, "The instance's own health endpoint");
  EXPECT_EQ(self.monitor_type, "API");
  EXPECT_EQ(self.interval_seconds, 10);
  EXPECT_EQ(self.cron, "");
  EXPECT_EQ(boost::json::parse(self.type_data), boost::json::parse(R"({
    "url": "http://127.0.0.1:3000/healthcheck", "method": "GET", "timeout": 5000,
    "headers": [{"key": "Accept", "value": "application/json"}]})"));
  EXPECT_EQ(self.default_status, Status::kUp);
  EXPECT_TRUE(self.active);
  EXPECT_FALSE(self.hidden);
  EXPECT_EQ(self.confirmation_threshold, 3);
  EXPECT_EQ(self.image, "https://example.com/logo.png");
  EXPECT_EQ(self.category_name, "Home");
  EXPECT_EQ(self.external_url, "https://example.com");
  EXPECT_EQ(self.include_degraded_in_downtime, "YES");
  EXPECT_EQ(boost::json::parse(self.monitor_settings_json),
            boost::json::parse(R"({"uptime_formula": "up / total"})"));

  const MonitorSpec& nightly = config.monitors[1];
  EXPECT_EQ(nightly.tag, "nightly");
  EXPECT_EQ(nightly.monitor_type, "NONE");
  EXPECT_EQ(nightly.cron, "0 3 * * *");
  EXPECT_EQ(nightly.interval_seconds, std::nullopt);
  EXPECT_FALSE(nightly.active);
}

TEST(ConfigLoader, LeavesUnsetFieldsAtTheirDefaults) {
  const VigilConfig config = config_of(load_yaml(R"(
monitors:
  - tag: web
    name: Web
    monitor_type: API
    type_data: {url: "http://127.0.0.1:8080"}
)"));
  EXPECT_EQ(config.server.port, std::nullopt);
  EXPECT_EQ(config.server.data_dir, std::nullopt);
  EXPECT_EQ(config.retention.raw_days, std::nullopt);
  ASSERT_EQ(config.monitors.size(), 1u);
  const MonitorSpec& web = config.monitors[0];
  // The service picks the schedule of a monitor that names none.
  EXPECT_EQ(web.cron, "");
  EXPECT_EQ(web.interval_seconds, std::nullopt);
  EXPECT_EQ(web.default_status, std::nullopt);
  EXPECT_TRUE(web.active);
  EXPECT_FALSE(web.hidden);
  EXPECT_EQ(web.confirmation_threshold, 1);
  EXPECT_EQ(web.external_url, std::nullopt);
  EXPECT_EQ(web.include_degraded_in_downtime, "NO");
  EXPECT_EQ(web.monitor_settings_json, "{}");
}

TEST(ConfigLoader, AcceptsAnEmptyFile) {
  const VigilConfig config = config_of(load_yaml("# nothing configured yet\n"));
  EXPECT_THAT(config.monitors, IsEmpty());
}

TEST(ConfigLoader, TypesTypeDataScalarsLikeYaml) {
  const MonitorSpec spec = only_monitor(R"(
monitors:
  - tag: typed
    name: Typed
    monitor_type: API
    type_data:
      url: http://127.0.0.1/
      yes_bool: true
      no_bool: False
      count: 42
      negative: -7
      big: 12345678901234
      ratio: 0.25
      exponent: 1e3
      nothing: null
      tilde: ~
      empty:
      quoted_number: "42"
      quoted_bool: 'true'
      quoted_null: "null"
      word_yes: yes
      version: 1.2.3
      block: |
        line one
      nested:
        list: [1, "two", {three: 3}]
)");
  EXPECT_EQ(boost::json::parse(spec.type_data), boost::json::parse(R"({
    "url": "http://127.0.0.1/", "yes_bool": true, "no_bool": false, "count": 42,
    "negative": -7, "big": 12345678901234, "ratio": 0.25, "exponent": 1000.0,
    "nothing": null, "tilde": null, "empty": null, "quoted_number": "42",
    "quoted_bool": "true", "quoted_null": "null", "word_yes": "yes", "version": "1.2.3",
    "block": "line one\n", "nested": {"list": [1, "two", {"three": 3}]}})"));
}

TEST(ConfigLoader, NormalisesLowerCaseMonitorType) {
  const MonitorSpec spec = only_monitor(R"(
monitors:
  - tag: web
    name: Web
    monitor_type: api
    type_data: {url: "http://127.0.0.1/"}
)");
  EXPECT_EQ(spec.monitor_type, "API");
}

TEST(ConfigLoader, ReadsIsHiddenAsYesNoOrBoolean) {
  for (auto [text, hidden] : {std::pair{"YES", true},
                              {"NO", false},
                              {"yes", true},
                              {"no", false},
                              {"true", true},
                              {"false", false},
                              {"\"YES\"", true}}) {
    const MonitorSpec spec = only_monitor(std::string(R"(
monitors:
  - tag: manual
    name: Manual
    is_hidden: )") + text + "\n");
    EXPECT_EQ(spec.hidden, hidden) << "is_hidden: " << text;
  }
}

TEST(ConfigLoader, ErrorPrintsAsFileLineColumnMessage) {
  EXPECT_EQ((ConfigError{"vigil.yaml", 12, 5, "port: expected an integer, got 'abc'"}).to_string(),
            "vigil.yaml:12:5: port: expected an integer, got 'abc'");
}

}  // namespace
}  // namespace vigil::testing
