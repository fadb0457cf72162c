#include "core/uptime_formula.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

constexpr StatusCounts kCounts{.up = 90, .degraded = 3, .down = 5, .maintenance = 2};

UptimeFormula formula(std::string_view numerator, std::string_view denominator) {
  auto parsed = UptimeFormula::parse(numerator, denominator);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? *parsed : UptimeFormula::standard();
}

std::string parse_error(std::string_view numerator, std::string_view denominator) {
  auto parsed = UptimeFormula::parse(numerator, denominator);
  EXPECT_FALSE(parsed.ok()) << numerator << " / " << denominator << " should not parse";
  return parsed.ok() ? "" : parsed.error().message;
}

TEST(UptimeFormulaTest, KenerDefaultCountsDegradedAndMaintenanceAsUp) {
  auto standard = UptimeFormula::standard();
  EXPECT_EQ(standard.numerator(), "up + maintenance + degraded");
  EXPECT_EQ(standard.denominator(), "up + down + degraded + maintenance");
  EXPECT_DOUBLE_EQ(*standard.percent(kCounts), 95.0);
  EXPECT_DOUBLE_EQ(*standard.percent(StatusCounts{.up = 10}), 100.0);
  EXPECT_DOUBLE_EQ(*standard.percent(StatusCounts{.down = 10}), 0.0);
}

TEST(UptimeFormulaTest, CustomFormulas) {
  EXPECT_DOUBLE_EQ(
      *formula("up + maintenance", "up + down + degraded + maintenance").percent(kCounts), 92.0);
  EXPECT_DOUBLE_EQ(*formula("up", "up + down").percent(kCounts), 100.0 * 90 / 95);
  // Degraded counts half: (90 + 1.5) / 100.
  EXPECT_DOUBLE_EQ(
      *formula("up + degraded / 2 + maintenance", "up+down+degraded+maintenance").percent(kCounts),
      91.5 + 2);
  EXPECT_DOUBLE_EQ(*formula("(up + degraded) * 2", "(up + down + degraded) * 2").percent(kCounts),
                   100.0 * 93 / 98);
  EXPECT_DOUBLE_EQ(*formula("100 - down", "100").percent(kCounts), 95.0);
  EXPECT_DOUBLE_EQ(*formula("-down + 100", "100").percent(kCounts), 95.0);
  EXPECT_DOUBLE_EQ(*formula("up - -down", "200").percent(kCounts), 47.5);
  EXPECT_DOUBLE_EQ(*formula("up * 0.5", "up").percent(kCounts), 50.0);
}

TEST(UptimeFormulaTest, ResultIsClampedToZeroToHundred) {
  EXPECT_DOUBLE_EQ(*formula("up * 2", "up").percent(kCounts), 100.0);
  EXPECT_DOUBLE_EQ(*formula("-up", "up").percent(kCounts), 0.0);
}

TEST(UptimeFormulaTest, ZeroDenominatorHasNoUptime) {
  EXPECT_EQ(UptimeFormula::standard().percent(StatusCounts{}), std::nullopt);
  EXPECT_EQ(formula("up", "down").percent(StatusCounts{.up = 5}), std::nullopt);
  EXPECT_EQ(formula("up / down", "up").percent(StatusCounts{.up = 5}), std::nullopt);
  EXPECT_EQ(formula("up", "up + 1 / (down - down)").percent(kCounts), std::nullopt);
}

TEST(UptimeFormulaTest, SyntaxErrorsNameTheSideAndPosition) {
  EXPECT_EQ(parse_error("up +", "up"),
            "numerator: incomplete expression, expected a number, a variable or '(' at position 5");
  EXPECT_EQ(parse_error("up", "up + foo"),
            "denominator: unknown variable 'foo' at position 6 (use up, down, degraded, "
            "maintenance)");
  EXPECT_EQ(parse_error("(up + down", "up"), "numerator: expected ')' at position 11");
  EXPECT_EQ(parse_error("up)", "up"), "numerator: unexpected ')' at position 3");
  EXPECT_EQ(parse_error("up", "up $ down"), "denominator: unexpected '$' at position 4");
  EXPECT_EQ(parse_error("up down", "up"), "numerator: unexpected 'd' at position 4");
  EXPECT_EQ(parse_error("1.2.3", "up"), "numerator: bad number '1.2.3' at position 1");
  EXPECT_EQ(
      parse_error("up", ""),
      "denominator: incomplete expression, expected a number, a variable or '(' at position 1");
  EXPECT_EQ(parse_error("UP", "up"),
            "numerator: unknown variable 'UP' at position 1 (use up, down, degraded, "
            "maintenance)");
  EXPECT_EQ(parse_error(std::string(200, '(') + "up" + std::string(200, ')'), "up"),
            "numerator: expression nested too deeply at position 101");
  EXPECT_EQ(parse_error("up", std::string(1001, '1')), "denominator: longer than 1000 characters");
  EXPECT_EQ(UptimeFormula::parse("up +", "up").error().code, ErrorCode::kBadRequest);
}

TEST(FormatUptimeTest, KenerDisplay) {
  EXPECT_EQ(format_uptime(std::nullopt), "-");
  EXPECT_EQ(format_uptime(100.0), "100");
  EXPECT_EQ(format_uptime(90.0), "90");
  EXPECT_EQ(format_uptime(0.0), "0");
  EXPECT_EQ(format_uptime(99.95), "99.95");
  EXPECT_EQ(format_uptime(99.123456), "99.1235");
  EXPECT_EQ(format_uptime(100.0 / 3), "33.3333");
  EXPECT_EQ(format_uptime(99.99999), "100");
  EXPECT_EQ(format_uptime(95.5), "95.5");
}

}  // namespace
}  // namespace vigil
