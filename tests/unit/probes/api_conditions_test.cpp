#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture_server.hpp"
#include "probe_harness.hpp"
#include "probes/api/api_probe.hpp"

namespace vigil {
namespace {

using testing::FixtureServer;
using testing::ProbeHarness;

// /json/<code> answers {"status": "UP", "version": "1.2.3", "checks": [{"name": "db", "ok": true},
// {"name": "cache", "ok": false}]}.
class ApiConditionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new FixtureServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Runs one check of `path` with `extra` type_data fields (each starting with a comma).
  CheckResult check(const std::string& path, const std::string& extra) {
    auto settings = ApiProbe::parse(R"({"url":")" + server_->url(path) + "\"" + extra + "}");
    EXPECT_TRUE(settings.ok()) << settings.error().message;
    if (!settings) return {};
    ApiProbe probe(*settings, [](const std::string&) { return std::nullopt; });
    return harness_.run(probe);
  }

  static FixtureServer* server_;
  ProbeHarness harness_;
};

FixtureServer* ApiConditionsTest::server_ = nullptr;

TEST_F(ApiConditionsTest, JsonBodyConditionsHoldAndAreRecorded) {
  auto result = check("/json/200", R"(,"conditions":["[STATUS] == 200", "[BODY].status == UP",
      "[BODY].checks[0].ok == true", "len([BODY].checks) == 2", "[RESPONSE_TIME] < 5000"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  EXPECT_EQ(result.error_message, "");
  ASSERT_EQ(result.conditions.size(), 5u);
  for (const auto& outcome : result.conditions) EXPECT_TRUE(outcome.success) << outcome.condition;
  EXPECT_EQ(result.conditions[1].condition, "[BODY].status == UP");
  EXPECT_EQ(result.conditions[1].actual, "UP");
  EXPECT_EQ(result.body, "") << "the body is not kept after the conditions were evaluated";
}

TEST_F(ApiConditionsTest, WrongBodyValueIsDownNamingTheFailedCondition) {
  auto result = check("/json/200", R"j(,"conditions":["[STATUS] == 200",
      "[BODY].checks[1].ok == true", "[BODY].version == pat(1.*)"])j");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_message, "condition failed: [BODY].checks[1].ok == true (actual: false)");
  ASSERT_EQ(result.conditions.size(), 3u);
  EXPECT_TRUE(result.conditions[0].success);
  EXPECT_FALSE(result.conditions[1].success);
  EXPECT_EQ(result.conditions[1].actual, "false");
  EXPECT_TRUE(result.conditions[2].success);
  // The outcomes travel in details, which is stored with the raw result.
  EXPECT_EQ(result.details, "condition[0]=pass; condition[1]=fail(false); condition[2]=pass");
}

TEST_F(ApiConditionsTest, MissingJsonKeyIsDown) {
  auto result = check("/json/200", R"(,"conditions":["[BODY].data.status == UP"])");
  EXPECT_EQ(result.status, Status::kDown);
  ASSERT_EQ(result.conditions.size(), 1u);
  EXPECT_EQ(result.conditions[0].actual, "no value at 'data.status'");
}

TEST_F(ApiConditionsTest, StatusConditionOnServerErrorIsDown) {
  auto result = check("/status/500", R"(,"conditions":["[STATUS] == 200"])");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.http_code, 500);
  EXPECT_EQ(result.error_message, "condition failed: [STATUS] == 200 (actual: 500)");
}

TEST_F(ApiConditionsTest, ConditionsReplaceTheDefaultStatusRule) {
  auto result = check("/json/503", R"(,"conditions":["[STATUS] == 503", "[BODY].status == UP"])");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
}

TEST_F(ApiConditionsTest, SlowAnswerFailsResponseTimeCondition) {
  auto result = check("/slow/200", R"(,"conditions":["[RESPONSE_TIME] < 50"])");
  EXPECT_EQ(result.status, Status::kDown);
  ASSERT_EQ(result.conditions.size(), 1u);
  EXPECT_FALSE(result.conditions[0].success);
  EXPECT_GE(std::stoi(result.conditions[0].actual), 200);
}

TEST_F(ApiConditionsTest, DegradedThresholdStillAppliesWhenConditionsHold) {
  auto result = check("/slow/150", R"(,"conditions":["[STATUS] == 200"],"degraded_above_ms":50)");
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_TRUE(result.conditions.at(0).success);
}

TEST_F(ApiConditionsTest, TransportFailureStaysDownWithItsOwnError) {
  auto result = check("/slow/3000", R"(,"timeout":300,"conditions":["[CONNECTED] == false"])");
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
  EXPECT_EQ(result.conditions.size(), 1u);
}

TEST_F(ApiConditionsTest, KeywordChecks) {
  struct Case {
    std::string path;
    std::string extra;
    Status status;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {"/json/200", R"(,"keyword":"\"status\": \"UP\"")", Status::kUp, ""},
           {"/json/200", R"(,"keyword":"MAINTENANCE")", Status::kDown,
            "condition failed: [BODY] == pat(*MAINTENANCE*) (actual: {\"status\": \"UP\", "
            "\"version\": \"1.2.3\", \"checks\": [{\"name\": \"db\"...)"},
           {"/json/200", R"(,"keyword":"MAINTENANCE","invertKeyword":true)", Status::kUp, ""},
           {"/json/200", R"(,"keyword":"cache","invertKeyword":true)", Status::kDown,
            "condition failed: [BODY] != pat(*cache*) (actual: {\"status\": \"UP\", "
            "\"version\": \"1.2.3\", \"checks\": [{\"name\": \"db\"...)"},
           // Without conditions the status rule still holds: the keyword is checked on top.
           {"/json/500", R"(,"keyword":"UP")", Status::kDown, "HTTP status 500"},
       }) {
    auto result = check(c.path, c.extra);
    EXPECT_EQ(result.status, c.status) << c.extra;
    EXPECT_EQ(result.error_message, c.error) << c.extra;
    EXPECT_EQ(result.conditions.size(), 1u) << c.extra;
  }
}

TEST_F(ApiConditionsTest, KeywordComesAfterConditions) {
  auto result = check("/json/200", R"(,"conditions":["[STATUS] == 200"],"keyword":"db")");
  EXPECT_EQ(result.status, Status::kUp) << result.error_message;
  ASSERT_EQ(result.conditions.size(), 2u);
  EXPECT_EQ(result.conditions[0].condition, "[STATUS] == 200");
  EXPECT_EQ(result.conditions[1].condition, "[BODY] == pat(*db*)");
}

std::string error_of(const std::string& extra) {
  auto settings = ApiProbe::parse(R"({"url":"http://127.0.0.1/")" + extra + "}");
  if (settings) return "";
  EXPECT_EQ(settings.error().code, ErrorCode::kBadRequest);
  return settings.error().message;
}

TEST(ApiConditionsSettingsTest, BadConditionsAreNamedByIndex) {
  struct Case {
    std::string extra;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {R"(,"conditions":["[STATUS] == 200", "[STATUS] = 200"])",
            "type_data.conditions[1]: at character 10: put a space on each side of the operator"},
           {R"(,"conditions":["[BODY].a[x] == 1"])",
            "type_data.conditions[0]: at character 10: an array index must be a number such as "
            "[0]"},
           {R"(,"conditions":[200])", "type_data.conditions[0]: must be a string"},
           {R"(,"conditions":"[STATUS] == 200")",
            "type_data.conditions: must be a list of at most 64 strings such as \"[STATUS] == "
            "200\""},
           {R"(,"keyword":"")", "type_data.keyword: must be 1 to 4096 characters"},
           {R"(,"invertKeyword":true)", "type_data.invertKeyword: needs a keyword"},
           {R"(,"invertKeyword":"yes","keyword":"x")",
            "type_data.invertKeyword: must be true or false"},
       }) {
    EXPECT_NE(error_of(c.extra).find(c.error), std::string::npos)
        << c.extra << " gave " << error_of(c.extra);
  }
}

TEST(ApiConditionsSettingsTest, EveryBadConditionIsReported) {
  std::string error = error_of(R"(,"conditions":["[NOPE] == 1", "[STATUS] == 200", "x"])");
  EXPECT_NE(error.find("type_data.conditions[0]: at character 1: unknown placeholder [NOPE]"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("type_data.conditions[2]: at character 1: no operator"), std::string::npos)
      << error;
  EXPECT_EQ(error.find("conditions[1]"), std::string::npos) << error;
}

TEST(ApiConditionsSettingsTest, TooManyConditionsAreRejected) {
  std::string list;
  for (int i = 0; i < 65; ++i) list += std::string(i ? "," : "") + "\"[STATUS] == 200\"";
  EXPECT_NE(error_of(",\"conditions\":[" + list + "]").find("at most 64"), std::string::npos);
}

TEST(ApiConditionsSettingsTest, ValidConditionsAndKeywordAreAccepted) {
  auto settings = ApiProbe::parse(
      R"({"url":"http://a/","conditions":["[STATUS] == 200"],"keyword":"ok","invertKeyword":false})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_TRUE(settings->status_by_conditions);
  EXPECT_TRUE(settings->conditions.needs_body());
}

}  // namespace
}  // namespace vigil
