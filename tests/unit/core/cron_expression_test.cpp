#include "core/cron_expression.hpp"

#include <gtest/gtest.h>

#include "utc_time.hpp"

namespace vigil {
namespace {

using testing::utc;

CronExpression cron(std::string_view text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? *parsed : *CronExpression::parse("* * * * *");
}

std::string parse_error(std::string_view text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_FALSE(parsed.ok()) << text << " should not parse";
  return parsed.ok() ? "" : parsed.error().message;
}

TEST(CronExpressionTest, EveryMinuteIsDueAtTheNextMinuteStart) {
  auto every = cron("* * * * *");
  EXPECT_EQ(every.next_after(utc(2024, 1, 1, 10, 5, 30)), utc(2024, 1, 1, 10, 6));
  EXPECT_EQ(every.next_after(utc(2024, 1, 1, 10, 5)), utc(2024, 1, 1, 10, 6));
  EXPECT_TRUE(every.matches(utc(2024, 1, 1, 10, 5, 59)));
}

TEST(CronExpressionTest, FixedTimeRollsToTheNextDay) {
  auto nightly = cron("30 2 * * *");
  EXPECT_EQ(nightly.next_after(utc(2024, 1, 1, 1, 0)), utc(2024, 1, 1, 2, 30));
  EXPECT_EQ(nightly.next_after(utc(2024, 1, 1, 3, 0)), utc(2024, 1, 2, 2, 30));
  EXPECT_TRUE(nightly.matches(utc(2024, 1, 1, 2, 30, 15)));
  EXPECT_FALSE(nightly.matches(utc(2024, 1, 1, 2, 31)));
}

TEST(CronExpressionTest, ListsRangesAndSteps) {
  auto list = cron("0,15,45 * * * *");
  EXPECT_EQ(list.next_after(utc(2024, 1, 1, 10, 0)), utc(2024, 1, 1, 10, 15));
  EXPECT_EQ(list.next_after(utc(2024, 1, 1, 10, 15)), utc(2024, 1, 1, 10, 45));
  EXPECT_EQ(list.next_after(utc(2024, 1, 1, 10, 45)), utc(2024, 1, 1, 11, 0));

  auto range = cron("10-12 * * * *");
  EXPECT_EQ(range.next_after(utc(2024, 1, 1, 10, 11)), utc(2024, 1, 1, 10, 12));
  EXPECT_EQ(range.next_after(utc(2024, 1, 1, 10, 12)), utc(2024, 1, 1, 11, 10));

  auto every_quarter = cron("*/15 * * * *");
  EXPECT_EQ(every_quarter.next_after(utc(2024, 1, 1, 10, 46)), utc(2024, 1, 1, 11, 0));

  auto stepped_range = cron("1-30/10 * * * *");
  EXPECT_EQ(stepped_range.next_after(utc(2024, 1, 1, 10, 1)), utc(2024, 1, 1, 10, 11));
  EXPECT_EQ(stepped_range.next_after(utc(2024, 1, 1, 10, 21)), utc(2024, 1, 1, 11, 1));

  auto start_with_step = cron("5/20 * * * *");
  EXPECT_EQ(start_with_step.next_after(utc(2024, 1, 1, 10, 5)), utc(2024, 1, 1, 10, 25));
  EXPECT_EQ(start_with_step.next_after(utc(2024, 1, 1, 10, 45)), utc(2024, 1, 1, 11, 5));

  auto huge_step = cron("*/2147483647 * * * *");
  EXPECT_EQ(huge_step.next_after(utc(2024, 1, 1, 10, 0)), utc(2024, 1, 1, 11, 0));

  auto hours = cron("0 8-18/2 * * *");
  EXPECT_EQ(hours.next_after(utc(2024, 1, 1, 18, 0)), utc(2024, 1, 2, 8, 0));
}

TEST(CronExpressionTest, MonthAndWeekdayNamesAnyCase) {
  auto weekdays = cron("0 9 * * MON-FRI");
  // 2024-01-06 is a Saturday.
  EXPECT_EQ(weekdays.next_after(utc(2024, 1, 6, 10, 0)), utc(2024, 1, 8, 9, 0));
  auto lower = cron("0 12 1 feb,Aug *");
  EXPECT_EQ(lower.next_after(utc(2024, 3, 1)), utc(2024, 8, 1, 12, 0));
  EXPECT_EQ(lower.next_after(utc(2024, 8, 1, 12, 0)), utc(2025, 2, 1, 12, 0));
  auto sunday = cron("0 0 * * sun");
  EXPECT_EQ(sunday.next_after(utc(2024, 1, 6)), utc(2024, 1, 7));
}

TEST(CronExpressionTest, SevenIsSunday) {
  auto seven = cron("0 0 * * 7");
  auto zero = cron("0 0 * * 0");
  for (Seconds t = utc(2024, 1, 1); t < utc(2024, 3, 1); t += 5 * kDay) {
    EXPECT_EQ(seven.next_after(t), zero.next_after(t));
  }
  EXPECT_EQ(seven.next_after(utc(2024, 1, 1)), utc(2024, 1, 7));
  auto range_to_seven = cron("0 0 * * 5-7");  // Friday to Sunday
  EXPECT_EQ(range_to_seven.next_after(utc(2024, 1, 5)), utc(2024, 1, 6));
  EXPECT_EQ(range_to_seven.next_after(utc(2024, 1, 7)), utc(2024, 1, 12));
}

TEST(CronExpressionTest, RestrictedDayOfMonthOrDayOfWeekMatches) {
  // The 13th or any Monday. 2024-06-03 and 06-10 are Mondays, 06-13 a Thursday.
  auto either = cron("0 0 13 * 1");
  EXPECT_EQ(either.next_after(utc(2024, 6, 1)), utc(2024, 6, 3));
  EXPECT_EQ(either.next_after(utc(2024, 6, 10)), utc(2024, 6, 13));
  EXPECT_EQ(either.next_after(utc(2024, 6, 13)), utc(2024, 6, 17));
}

TEST(CronExpressionTest, StarStepDayOfMonthStillRequiresBothDays) {
  // Vixie cron: a day field starting with `*` is unrestricted, so both must match: odd days
  // that are Mondays (June 2024: the 3rd and the 17th).
  auto both = cron("0 0 */2 * 1");
  EXPECT_EQ(both.next_after(utc(2024, 6, 1)), utc(2024, 6, 3));
  EXPECT_EQ(both.next_after(utc(2024, 6, 3)), utc(2024, 6, 17));
}

TEST(CronExpressionTest, MonthAndYearRollover) {
  EXPECT_EQ(cron("0 0 1 * *").next_after(utc(2023, 12, 15)), utc(2024, 1, 1));
  EXPECT_EQ(cron("0 0 31 * *").next_after(utc(2024, 1, 31)), utc(2024, 3, 31));
  EXPECT_EQ(cron("59 23 31 12 *").next_after(utc(2024, 1, 1)), utc(2024, 12, 31, 23, 59));
  EXPECT_EQ(cron("* * * * *").next_after(utc(2024, 12, 31, 23, 59)), utc(2025, 1, 1));
}

TEST(CronExpressionTest, LeapDay) {
  auto leap = cron("0 0 29 2 *");
  EXPECT_EQ(leap.next_after(utc(2023, 3, 1)), utc(2024, 2, 29));
  EXPECT_EQ(leap.next_after(utc(2024, 3, 1)), utc(2028, 2, 29));
  EXPECT_TRUE(leap.matches(utc(2024, 2, 29, 0, 0, 30)));
}

TEST(CronExpressionTest, ImpossibleDateHasNoNextTime) {
  EXPECT_EQ(cron("0 0 30 2 *").next_after(utc(2024, 1, 1)), std::nullopt);
  EXPECT_EQ(cron("0 0 31 4,6,9,11 *").next_after(utc(2024, 1, 1)), std::nullopt);
}

TEST(CronExpressionTest, ShorthandsEqualTheirExpansions) {
  const std::pair<const char*, const char*> pairs[] = {
      {"@hourly", "0 * * * *"},   {"@daily", "0 0 * * *"},   {"@midnight", "0 0 * * *"},
      {"@weekly", "0 0 * * 0"},   {"@monthly", "0 0 1 * *"}, {"@yearly", "0 0 1 1 *"},
      {"@annually", "0 0 1 1 *"}, {"@HOURLY", "0 * * * *"},
  };
  for (const auto& [shorthand, expansion] : pairs) {
    auto a = cron(shorthand);
    auto b = cron(expansion);
    for (Seconds t = utc(2024, 1, 1); t < utc(2026, 1, 1); t += 7 * kDay + 3 * kHour) {
      EXPECT_EQ(a.next_after(t), b.next_after(t)) << shorthand;
    }
  }
  EXPECT_EQ(cron("@hourly").next_after(utc(2024, 1, 1, 10, 1)), utc(2024, 1, 1, 11, 0));
}

TEST(CronExpressionTest, ExtraWhitespaceIsAccepted) {
  EXPECT_EQ(cron("  */10\t*  * * *  ").next_after(utc(2024, 1, 1, 0, 1)), utc(2024, 1, 1, 0, 10));
}

TEST(CronExpressionTest, ErrorsNameTheField) {
  EXPECT_EQ(parse_error("61 * * * *"), "cron: minute field '61' out of range 0-59");
  EXPECT_EQ(parse_error("* 24 * * *"), "cron: hour field '24' out of range 0-23");
  EXPECT_EQ(parse_error("* * 0 * *"), "cron: day-of-month field '0' out of range 1-31");
  EXPECT_EQ(parse_error("* * * 13 *"), "cron: month field '13' out of range 1-12");
  EXPECT_EQ(parse_error("* * * * 8"), "cron: day-of-week field '8' out of range 0-7");
  EXPECT_EQ(parse_error("* * * * FOO"), "cron: day-of-week field 'FOO' is not a number or name");
  EXPECT_EQ(parse_error("*/0 * * * *"), "cron: minute field '*/0' needs a positive step");
  EXPECT_EQ(parse_error("* 5-1 * * *"), "cron: hour field '5-1' is a backwards range");
  EXPECT_EQ(parse_error("1,,2 * * * *"), "cron: minute field '1,,2' has an empty list item");
  EXPECT_EQ(parse_error("* * * JAN-FOO *"), "cron: month field 'FOO' is not a number or name");
  EXPECT_EQ(parse_error("* * * *"),
            "cron: expected 5 fields (minute hour day-of-month month day-of-week), got 4");
  EXPECT_EQ(parse_error(""),
            "cron: expected 5 fields (minute hour day-of-month month day-of-week), got 0");
  EXPECT_EQ(parse_error("* * * * * *"),
            "cron: expected 5 fields (minute hour day-of-month month day-of-week), got 6");
  EXPECT_EQ(parse_error("@fortnightly"), "cron: unknown shorthand '@fortnightly'");
  EXPECT_EQ(parse_error("-5 * * * *"), "cron: minute field '-5' is not a value, a range or '*'");
  EXPECT_EQ(parse_error("*/ * * * *"), "cron: minute field '*/' needs a positive step");
  EXPECT_EQ(CronExpression::parse("61 * * * *").error().code, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace vigil
