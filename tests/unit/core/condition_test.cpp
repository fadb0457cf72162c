#include "core/condition.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/condition_set.hpp"

namespace vigil {
namespace {

constexpr Millis kNow = 1'700'000'000'000;
constexpr Millis kHourMs = 3'600'000;

// A check that answered 200 in 123.7 ms with a JSON body.
CheckResult answered() {
  CheckResult result;
  result.status = Status::kUp;
  result.http_code = 200;
  result.latency_ms = 123.7;
  result.resolved_ip = "127.0.0.1";
  result.started_ms = kNow;
  result.certificate_expiry_ms = kNow + 72 * kHourMs;
  result.body = R"( {"status": "UP", "count": 3, "ratio": 0.5, "ok": true, "nothing": null,
      "items": [{"name": "a", "tags": ["x", "y"]}, {"name": "b"}],
      "nested": {"deep": {"value": "v"}}, "text": "h\u00e9llo \"q\"", "empty": []} )";
  return result;
}

ConditionOutcome evaluate(const std::string& text, const CheckResult& result) {
  auto condition = Condition::parse(text);
  EXPECT_TRUE(condition.ok()) << text << ": " << condition.error().message;
  if (!condition) return {};
  return condition->evaluate(result);
}

struct EvaluationCase {
  std::string condition;
  bool success;
  std::string actual;
};

void PrintTo(const EvaluationCase& c, std::ostream* os) {
  *os << c.condition;
}

class ConditionEvaluationTest : public ::testing::TestWithParam<EvaluationCase> {};

TEST_P(ConditionEvaluationTest, OnAnAnsweredCheck) {
  const EvaluationCase& c = GetParam();
  ConditionOutcome outcome = evaluate(c.condition, answered());
  EXPECT_EQ(outcome.condition, c.condition);
  EXPECT_EQ(outcome.success, c.success) << c.condition;
  EXPECT_EQ(outcome.actual, c.actual) << c.condition;
}

INSTANTIATE_TEST_SUITE_P(
    Placeholders, ConditionEvaluationTest,
    ::testing::Values(
        // [STATUS] with every operator
        EvaluationCase{"[STATUS] == 200", true, "200"},
        EvaluationCase{"[STATUS] == 500", false, "200"},
        EvaluationCase{"[STATUS] != 200", false, "200"},
        EvaluationCase{"[STATUS] != 500", true, "200"},
        EvaluationCase{"[STATUS] < 300", true, "200"},
        EvaluationCase{"[STATUS] < 200", false, "200"},
        EvaluationCase{"[STATUS] <= 200", true, "200"},
        EvaluationCase{"[STATUS] > 200", false, "200"},
        EvaluationCase{"[STATUS] > 199", true, "200"},
        EvaluationCase{"[STATUS] >= 200", true, "200"},
        EvaluationCase{"[STATUS] >= 201", false, "200"},
        EvaluationCase{"200 == [STATUS]", true, "200"},
        EvaluationCase{"[STATUS] == 0xC8", true, "200"},
        // [RESPONSE_TIME] in whole milliseconds, against numbers and durations
        EvaluationCase{"[RESPONSE_TIME] < 500", true, "123"},
        EvaluationCase{"[RESPONSE_TIME] > 123", false, "123"},
        EvaluationCase{"[RESPONSE_TIME] < 1s", true, "123"},
        EvaluationCase{"[RESPONSE_TIME] < 0.1s", false, "123"},
        // functions
        EvaluationCase{"[STATUS] == any(200, 201)", true, "200"},
        EvaluationCase{"[STATUS] == any(500, 503)", false, "200"},
        EvaluationCase{"[STATUS] != any(500, 503)", true, "200"},
        EvaluationCase{"[STATUS] == pat(2*)", true, "200"},
        EvaluationCase{"[STATUS] == pat(5*)", false, "200"},
        EvaluationCase{"pat(2*) == [STATUS]", true, "200"},
        EvaluationCase{"[BODY] == pat(*\"status\": \"UP\"*)", true,
                       R"({"status": "UP", "count": 3, "ratio": 0.5, "ok": true, "nothi...)"},
        EvaluationCase{"[BODY] != pat(*DOWN*)", true,
                       R"({"status": "UP", "count": 3, "ratio": 0.5, "ok": true, "nothi...)"},
        EvaluationCase{"[BODY].status == pat(U*)", true, "UP"},
        EvaluationCase{"[BODY].status == any(UP, DEGRADED)", true, "UP"},
        EvaluationCase{"len([BODY].items) == 2", true, "2"},
        EvaluationCase{"len([BODY].items[0].name) == 1", true, "1"},
        EvaluationCase{"len([BODY].empty) == 0", true, "0"},
        EvaluationCase{"len([BODY].nested) == 1", true, "1"},
        EvaluationCase{"len([BODY].items) > 5", false, "2"},
        EvaluationCase{"len([BODY].missing) == 0", false, "no value at 'missing'"},
        EvaluationCase{"has([BODY].status) == true", true, "true"},
        EvaluationCase{"has([BODY].nothing) == true", true, "true"},
        EvaluationCase{"has([BODY].missing) == false", true, "false"},
        EvaluationCase{"has([BODY].items[5]) == true", false, "false"},
        // JSON paths: strings, numbers, booleans, null, arrays, nesting, escapes, missing keys
        EvaluationCase{"[BODY].status == UP", true, "UP"},
        EvaluationCase{"[BODY].status == DOWN", false, "UP"},
        EvaluationCase{"[BODY].count == 3", true, "3"},
        EvaluationCase{"[BODY].count > 2", true, "3"},
        EvaluationCase{"[BODY].ratio == 0.50", true, "0.5"},
        EvaluationCase{"[BODY].ratio < 1", true, "0.5"},
        EvaluationCase{"[BODY].ok == true", true, "true"},
        EvaluationCase{"[BODY].nothing == null", true, "null"},
        EvaluationCase{"[BODY].items[0].name == a", true, "a"},
        EvaluationCase{"[BODY].items[1].name == b", true, "b"},
        EvaluationCase{"[BODY].items[0].tags[1] == y", true, "y"},
        EvaluationCase{"[BODY].items[0].tags == [\"x\", \"y\"]", true, "[\"x\", \"y\"]"},
        EvaluationCase{"[BODY].nested.deep.value == v", true, "v"},
        EvaluationCase{"[BODY].text == h\xC3\xA9llo \"q\"", true, "h\xC3\xA9llo \"q\""},
        EvaluationCase{"[BODY].items[2].name == c", false, "no value at 'items[2].name'"},
        EvaluationCase{"[BODY].missing == x", false, "no value at 'missing'"},
        EvaluationCase{"[BODY].missing != x", false, "no value at 'missing'"},
        EvaluationCase{"[BODY].status.deeper == x", false, "no value at 'status.deeper'"},
        EvaluationCase{"[BODY].items.name == a", false, "no value at 'items.name'"},
        EvaluationCase{"[BODY].status < 5", false, "UP (not a number)"},
        EvaluationCase{"[BODY].count == [BODY].items[0].tags[0]", false, "3 vs x"},
        // [IP] and [CONNECTED]
        EvaluationCase{"[IP] == 127.0.0.1", true, "127.0.0.1"},
        EvaluationCase{"[IP] == pat(10.*)", false, "127.0.0.1"},
        EvaluationCase{"[CONNECTED] == true", true, "true"},
        // [CERTIFICATE_EXPIRATION] is 72 h away
        EvaluationCase{"[CERTIFICATE_EXPIRATION] > 48h", true, "3d"},
        EvaluationCase{"[CERTIFICATE_EXPIRATION] > 7d", false, "3d"},
        EvaluationCase{"[CERTIFICATE_EXPIRATION] > 4320m", false, "3d"},
        EvaluationCase{"[CERTIFICATE_EXPIRATION] >= 4320m", true, "3d"},
        EvaluationCase{"[CERTIFICATE_EXPIRATION] > 2d23h59m", true, "3d"},
        EvaluationCase{"[CERTIFICATE_EXPIRATION] < 1d", false, "3d"}));

TEST(ConditionTest, CertificateExpirationIsZeroWithoutACertificate) {
  CheckResult result = answered();
  result.certificate_expiry_ms.reset();
  ConditionOutcome outcome = evaluate("[CERTIFICATE_EXPIRATION] > 48h", result);
  EXPECT_FALSE(outcome.success);
  EXPECT_EQ(outcome.actual, "0ms");
}

TEST(ConditionTest, CertificateExpirationShowsHoursAndMinutesLeft) {
  CheckResult result = answered();
  result.certificate_expiry_ms = kNow + 5 * kHourMs + 30 * 60'000;
  ConditionOutcome outcome = evaluate("[CERTIFICATE_EXPIRATION] > 24h", result);
  EXPECT_FALSE(outcome.success);
  EXPECT_EQ(outcome.actual, "5h30m");
}

TEST(ConditionTest, DnsRcodeComparesByName) {
  struct Case {
    int rcode;
    std::string condition;
    bool success;
    std::string actual;
  };
  for (const Case& c :
       std::vector<Case>{{0, "[DNS_RCODE] == NOERROR", true, "NOERROR"},
                         {3, "[DNS_RCODE] == NXDOMAIN", true, "NXDOMAIN"},
                         {3, "[DNS_RCODE] == NOERROR", false, "NXDOMAIN"},
                         {2, "[DNS_RCODE] != NOERROR", true, "SERVFAIL"},
                         {5, "[DNS_RCODE] == any(REFUSED, SERVFAIL)", true, "REFUSED"},
                         {-1, "[DNS_RCODE] == NOERROR", false, ""}}) {
    CheckResult result;
    result.dns_rcode = c.rcode;
    ConditionOutcome outcome = evaluate(c.condition, result);
    EXPECT_EQ(outcome.success, c.success) << c.rcode << " " << c.condition;
    EXPECT_EQ(outcome.actual, c.actual) << c.rcode << " " << c.condition;
  }
}

TEST(ConditionTest, ConnectedIsFalseWhenNothingAnswered) {
  for (ErrorKind kind : {ErrorKind::kRefused, ErrorKind::kDns, ErrorKind::kTimeout}) {
    CheckResult result;
    result.status = Status::kDown;
    result.error_kind = kind;
    EXPECT_TRUE(evaluate("[CONNECTED] == false", result).success) << to_string(kind);
    EXPECT_FALSE(evaluate("[CONNECTED] == true", result).success) << to_string(kind);
  }
}

TEST(ConditionTest, PlainTextBodyWorksWithPatternsAndLength) {
  CheckResult result;
  result.body = "  <html>hello</html>\n";
  EXPECT_TRUE(evaluate("[BODY] == pat(*hello*)", result).success);
  EXPECT_TRUE(evaluate("[BODY] == pat(<html>*</html>)", result).success);
  EXPECT_FALSE(evaluate("[BODY] == pat(*bye*)", result).success);
  EXPECT_TRUE(evaluate("len([BODY]) == 18", result).success);
  EXPECT_TRUE(evaluate("has([BODY].a) == false", result).success);
  ConditionOutcome outcome = evaluate("[BODY].a == 1", result);
  EXPECT_FALSE(outcome.success);
  EXPECT_EQ(outcome.actual, "not JSON (byte 3)");
}

TEST(ConditionTest, LenOfAJsonBodyCountsItsElements) {
  CheckResult result;
  result.body = R"([1, 2, 3])";
  EXPECT_TRUE(evaluate("len([BODY]) == 3", result).success);
  EXPECT_TRUE(evaluate("[BODY][2] == 3", result).success);
}

TEST(ConditionTest, EmptyBodyIsShownAsSuch) {
  ConditionOutcome outcome = evaluate("[BODY] == pat(*ok*)", CheckResult{});
  EXPECT_FALSE(outcome.success);
  EXPECT_EQ(outcome.actual, "empty body");
}

TEST(ConditionTest, MalformedBodiesFailCleanly) {
  struct Case {
    std::string name;
    std::string body;
  };
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 131) % 256);
  for (const Case& c :
       std::vector<Case>{{"truncated", R"({"status": "UP)"},
                         {"missing value", R"({"status": })"},
                         {"trailing garbage", R"({"status": "UP"} x)"},
                         {"bad escape", R"({"status": "\q"})"},
                         {"raw control character", "{\"status\": \"U\x01P\"}"},
                         {"too deep", std::string(100'000, '[') + std::string(100'000, ']')},
                         {"unclosed deep", std::string(100'000, '{')},
                         {"garbage bytes", garbage}}) {
    CheckResult result;
    result.body = c.body;
    ConditionOutcome outcome = evaluate("[BODY].status == UP", result);
    EXPECT_FALSE(outcome.success) << c.name;
    EXPECT_TRUE(outcome.actual.starts_with("not JSON")) << c.name << ": " << outcome.actual;
  }
}

TEST(ConditionTest, LargeBodyWithinTheDepthLimitIsRead) {
  std::string body = R"({"items": [)";
  for (int i = 0; i < 100'000; ++i) body += std::to_string(i) + ",";
  body += R"("last"], "deep": )" + std::string(60, '[') + "7" + std::string(60, ']') + "}";
  CheckResult result;
  result.body = body;
  EXPECT_TRUE(evaluate("len([BODY].items) == 100001", result).success);
  EXPECT_TRUE(evaluate("[BODY].items[100000] == last", result).success);
  std::string deep_path = "[BODY].deep";
  for (int i = 0; i < 60; ++i) deep_path += "[0]";
  EXPECT_TRUE(evaluate(deep_path + " == 7", result).success);
}

struct ParseErrorCase {
  std::string condition;
  std::string message;
};

void PrintTo(const ParseErrorCase& c, std::ostream* os) {
  *os << c.condition.substr(0, 80);
}

class ConditionParseErrorTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(ConditionParseErrorTest, SaysWhatAndWhere) {
  const ParseErrorCase& c = GetParam();
  auto condition = Condition::parse(c.condition);
  ASSERT_FALSE(condition.ok()) << c.condition;
  EXPECT_EQ(condition.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(condition.error().message, c.message) << c.condition;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ConditionParseErrorTest,
    ::testing::Values(
        ParseErrorCase{"",
                       "at character 1: no operator; expected one of == != < <= > >= with a "
                       "space on each side"},
        ParseErrorCase{"[STATUS]",
                       "at character 1: no operator; expected one of == != < <= > "
                       ">= with a space on each side"},
        ParseErrorCase{"[STATUS]==200", "at character 9: put a space on each side of the operator"},
        ParseErrorCase{" == 200", "at character 1: nothing to compare on this side"},
        ParseErrorCase{"[STATUS] == ", "at character 13: nothing to compare on this side"},
        ParseErrorCase{"[STATUS] == 200 == 300", "at character 17: a second '=='"},
        ParseErrorCase{"[STATUSES] == 200",
                       "at character 1: unknown placeholder [STATUSES]; known: [STATUS], "
                       "[RESPONSE_TIME], [BODY], [CERTIFICATE_EXPIRATION], [IP], [CONNECTED], "
                       "[DNS_RCODE]"},
        ParseErrorCase{"[STATUS]x == 200", "at character 9: unexpected text after [STATUS]"},
        ParseErrorCase{"[BODY]x == 1", "at character 7: expected '.' or '[' after [BODY]"},
        ParseErrorCase{"[BODY]. == 1", "at character 7: a '.' after [BODY] needs a key"},
        ParseErrorCase{"[BODY].a..b == 1", "at character 10: empty key"},
        ParseErrorCase{"[BODY].a. == 1", "at character 9: ends with '.'"},
        ParseErrorCase{"[BODY].a[x] == 1",
                       "at character 10: an array index must be a number such as [0]"},
        ParseErrorCase{"[BODY].a[-1] == 1",
                       "at character 10: an array index must be a number such as [0]"},
        ParseErrorCase{"[BODY].a[0 == 1", "at character 9: '[' without ']'"},
        ParseErrorCase{"[BODY].a] == 1", "at character 9: ']' without '['"},
        ParseErrorCase{"len([STATUS]) == 1", "at character 5: len() takes [BODY] or a [BODY] path"},
        ParseErrorCase{"has() == true", "at character 5: has() takes [BODY] or a [BODY] path"},
        ParseErrorCase{"len([BODY].a == 1", "at character 12: missing ')'"},
        ParseErrorCase{"[STATUS] < pat(2*)", "at character 12: pat() only works with == or !="},
        ParseErrorCase{"[STATUS] >= any(1, 2)", "at character 13: any() only works with == or !="},
        ParseErrorCase{"[IP] > 1", "at character 1: [IP] can only be compared with == or !="},
        ParseErrorCase{"[DNS_RCODE] < 3",
                       "at character 1: [DNS_RCODE] can only be compared with == or !="},
        ParseErrorCase{"[RESPONSE_TIME] < fast",
                       "at character 19: 'fast' is not a number or a duration such as 48h"},
        ParseErrorCase{"[CERTIFICATE_EXPIRATION] > 48x",
                       "at character 28: '48x' is not a number or a duration such as 48h"},
        ParseErrorCase{"STATUS == 200",
                       "at character 1: neither side is a placeholder; known: [STATUS], "
                       "[RESPONSE_TIME], [BODY], [CERTIFICATE_EXPIRATION], [IP], [CONNECTED], "
                       "[DNS_RCODE]"},
        ParseErrorCase{"pat(*) == any(a)",
                       "at character 1: neither side is a placeholder; known: [STATUS], "
                       "[RESPONSE_TIME], [BODY], [CERTIFICATE_EXPIRATION], [IP], [CONNECTED], "
                       "[DNS_RCODE]"},
        ParseErrorCase{"[STATUS] == \x01", "at character 13: control character"},
        ParseErrorCase{std::string(5000, 'x'), "at character 4097: longer than 4096 characters"}));

TEST(ConditionTest, PathDeeperThanTheLimitIsRejected) {
  std::string path = "[BODY]";
  for (int i = 0; i < 65; ++i) path += ".a";
  auto condition = Condition::parse(path + " == 1");
  ASSERT_FALSE(condition.ok());
  EXPECT_EQ(condition.error().message, "at character 136: more than 64 steps");
}

TEST(ConditionTest, RandomInputGivesAConditionOrAPositionedError) {
  const std::string alphabet = "[]().*,<>=! BODYSTATUlenhaspy0123\x01\xff";
  std::uint32_t seed = 12345;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int i = 0; i < round % 40; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    auto condition = Condition::parse(text);
    if (condition) {
      condition->evaluate(answered());
    } else {
      EXPECT_TRUE(condition.error().message.starts_with("at character ")) << text;
    }
  }
}

TEST(ConditionTest, SurroundingSpacesAreIgnored) {
  auto condition = Condition::parse("  [STATUS]  ==  200  ");
  ASSERT_TRUE(condition.ok()) << condition.error().message;
  EXPECT_EQ(condition->text(), "[STATUS]  ==  200");
  EXPECT_TRUE(condition->evaluate(answered()).success);
}

TEST(ConditionTest, RightSideMayHoldALaterOperator) {
  CheckResult result;
  result.body = "a > b";
  EXPECT_TRUE(evaluate("[BODY] == a > b", result).success);
}

TEST(ConditionTest, NeedsBodyOnlyWhenItReadsTheBody) {
  struct Case {
    std::string condition;
    bool needs_body;
  };
  for (const Case& c : std::vector<Case>{{"[STATUS] == 200", false},
                                         {"[RESPONSE_TIME] < 300", false},
                                         {"[BODY] == pat(*x*)", true},
                                         {"[BODY].a == 1", true},
                                         {"len([BODY]) > 0", true},
                                         {"has([BODY].a) == true", true}}) {
    auto condition = Condition::parse(c.condition);
    ASSERT_TRUE(condition.ok()) << condition.error().message;
    EXPECT_EQ(condition->needs_body(), c.needs_body) << c.condition;
  }
}

TEST(ConditionTest, KeywordIsAPatternOnTheBody) {
  CheckResult result;
  result.body = "all systems UP";
  Condition keyword = Condition::body_contains("UP", false);
  EXPECT_EQ(keyword.text(), "[BODY] == pat(*UP*)");
  EXPECT_TRUE(keyword.needs_body());
  EXPECT_TRUE(keyword.evaluate(result).success);
  Condition inverted = Condition::body_contains("UP", true);
  EXPECT_EQ(inverted.text(), "[BODY] != pat(*UP*)");
  ConditionOutcome outcome = inverted.evaluate(result);
  EXPECT_FALSE(outcome.success);
  EXPECT_EQ(outcome.actual, "all systems UP");
  result.body = "all systems DOWN";
  EXPECT_FALSE(keyword.evaluate(result).success);
  EXPECT_TRUE(inverted.evaluate(result).success);
}

TEST(ConditionTest, KeywordStarIsMatchedLiterally) {
  Condition keyword = Condition::body_contains("a*b", false);
  CheckResult result;
  result.body = "xa*by";
  EXPECT_TRUE(keyword.evaluate(result).success);
  result.body = "axxb";
  EXPECT_FALSE(keyword.evaluate(result).success);
}

TEST(ConditionSetTest, AllMustHoldAndEveryOutcomeIsKept) {
  ConditionSet set;
  for (const char* text : {"[STATUS] == 200", "[BODY].status == DOWN", "[RESPONSE_TIME] < 50"}) {
    set.add(*Condition::parse(text));
  }
  EXPECT_TRUE(set.needs_body());
  CheckResult result = answered();
  EXPECT_FALSE(set.evaluate(result));
  ASSERT_EQ(result.conditions.size(), 3u);
  EXPECT_TRUE(result.conditions[0].success);
  EXPECT_FALSE(result.conditions[1].success);
  EXPECT_FALSE(result.conditions[2].success);
  EXPECT_EQ(ConditionSet::failure_message(result.conditions[1]),
            "condition failed: [BODY].status == DOWN (actual: UP)");
}

TEST(ConditionSetTest, HoldsWhenEveryConditionHolds) {
  ConditionSet set;
  set.add(*Condition::parse("[STATUS] == 200"));
  set.add(*Condition::parse("[RESPONSE_TIME] < 1s"));
  EXPECT_FALSE(set.needs_body());
  CheckResult result = answered();
  EXPECT_TRUE(set.evaluate(result));
  EXPECT_EQ(result.conditions.size(), 2u);
}

}  // namespace
}  // namespace vigil
