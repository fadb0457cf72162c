// RruleExpander: RFC 5545 rules on an IANA zone's wall clock, across daylight-saving changes.
#include "services/rrule_expander.hpp"

#include <gtest/gtest.h>

#include <ctime>

namespace vigil {
namespace {

//! Unix seconds of a UTC wall-clock time.
Seconds utc(int year, int month, int day, int hour, int minute = 0) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  return timegm(&tm);
}

RruleExpander rule(Seconds start, const std::string& rrule, const std::string& zone) {
  auto expander = RruleExpander::create(start, rrule, zone);
  EXPECT_TRUE(expander.ok()) << rrule << " in " << zone << ": " << expander.error().message;
  return expander.value();
}

TEST(RruleExpanderTest, WeeklyBerlinMorningStaysAtNineLocalAcrossTheSpringChange) {
  // Monday 2024-03-18 09:00 CET; Europe/Berlin moves to CEST on Sunday 2024-03-31.
  auto weekly = rule(utc(2024, 3, 18, 8), "FREQ=WEEKLY;BYDAY=MO", "Europe/Berlin");
  EXPECT_FALSE(weekly.one_off());
  EXPECT_EQ(weekly.occurrences(utc(2024, 3, 1, 0), utc(2024, 4, 10, 0), 100),
            (std::vector<Seconds>{utc(2024, 3, 18, 8), utc(2024, 3, 25, 8), utc(2024, 4, 1, 7),
                                  utc(2024, 4, 8, 7)}));
}

TEST(RruleExpanderTest, BerlinAutumnChangeMovesTheUtcTimeBack) {
  // Europe/Berlin returns to CET on Sunday 2024-10-27.
  auto daily = rule(utc(2024, 10, 25, 7), "FREQ=DAILY", "Europe/Berlin");
  EXPECT_EQ(daily.occurrences(utc(2024, 10, 25, 0), utc(2024, 10, 29, 0), 100),
            (std::vector<Seconds>{utc(2024, 10, 25, 7), utc(2024, 10, 26, 7), utc(2024, 10, 27, 8),
                                  utc(2024, 10, 28, 8)}));
}

TEST(RruleExpanderTest, NewYorkFollowsItsOwnChangeDates) {
  // 09:00 in New York: EST (UTC-5) until 2024-03-10, EDT (UTC-4) until 2024-11-03.
  auto daily = rule(utc(2024, 3, 8, 14), "FREQ=DAILY", "America/New_York");
  EXPECT_EQ(daily.occurrences(utc(2024, 3, 8, 0), utc(2024, 3, 12, 0), 100),
            (std::vector<Seconds>{utc(2024, 3, 8, 14), utc(2024, 3, 9, 14), utc(2024, 3, 10, 13),
                                  utc(2024, 3, 11, 13)}));
  EXPECT_EQ(
      daily.occurrences(utc(2024, 11, 2, 0), utc(2024, 11, 5, 0), 100),
      (std::vector<Seconds>{utc(2024, 11, 2, 13), utc(2024, 11, 3, 14), utc(2024, 11, 4, 14)}));
}

TEST(RruleExpanderTest, UtcRulesIgnoreDaylightSaving) {
  auto weekly = rule(utc(2024, 3, 18, 9), "FREQ=WEEKLY", "UTC");
  EXPECT_EQ(weekly.occurrences(utc(2024, 3, 20, 0), utc(2024, 4, 9, 0), 100),
            (std::vector<Seconds>{utc(2024, 3, 25, 9), utc(2024, 4, 1, 9), utc(2024, 4, 8, 9)}));
}

TEST(RruleExpanderTest, ALocalTimeSkippedBySpringForwardTakesTheOffsetBeforeIt) {
  // 02:30 does not exist in Berlin on 2024-03-31; RFC 5545 reads it as 03:30 CEST (01:30 UTC).
  auto daily = rule(utc(2024, 3, 30, 1, 30), "FREQ=DAILY", "Europe/Berlin");
  EXPECT_EQ(daily.occurrences(utc(2024, 3, 30, 0), utc(2024, 4, 2, 0), 100),
            (std::vector<Seconds>{utc(2024, 3, 30, 1, 30), utc(2024, 3, 31, 1, 30),
                                  utc(2024, 4, 1, 0, 30)}));
}

TEST(RruleExpanderTest, CountStopsTheRule) {
  auto three = rule(utc(2024, 1, 1, 9), "FREQ=DAILY;COUNT=3", "UTC");
  EXPECT_EQ(three.occurrences(utc(2023, 12, 1, 0), utc(2024, 2, 1, 0), 100),
            (std::vector<Seconds>{utc(2024, 1, 1, 9), utc(2024, 1, 2, 9), utc(2024, 1, 3, 9)}));
  EXPECT_EQ(three.occurrences(utc(2024, 1, 2, 10), utc(2024, 2, 1, 0), 100),
            (std::vector<Seconds>{utc(2024, 1, 3, 9)}));
}

TEST(RruleExpanderTest, UntilInUtcIsThatInstantEvenInAnotherZone) {
  // The third occurrence (09:00 CET = 08:00Z on Jan 3) is exactly UNTIL, so it is included.
  auto until = rule(utc(2024, 1, 1, 8), "FREQ=DAILY;UNTIL=20240103T080000Z", "Europe/Berlin");
  EXPECT_EQ(until.occurrences(utc(2024, 1, 1, 0), utc(2024, 2, 1, 0), 100),
            (std::vector<Seconds>{utc(2024, 1, 1, 8), utc(2024, 1, 2, 8), utc(2024, 1, 3, 8)}));
}

TEST(RruleExpanderTest, KenersOneOffIsItsStartOnly) {
  auto once = rule(utc(2024, 5, 1, 12), "FREQ=MINUTELY;COUNT=1", "UTC");
  EXPECT_TRUE(once.one_off());
  EXPECT_EQ(once.occurrences(utc(2024, 5, 1, 0), utc(2024, 5, 2, 0), 10),
            (std::vector<Seconds>{utc(2024, 5, 1, 12)}));
  EXPECT_TRUE(once.occurrences(utc(2024, 5, 1, 13), utc(2024, 5, 2, 0), 10).empty());
}

TEST(RruleExpanderTest, RulesStartedLongAgoKeepTheirPhase) {
  const Seconds start = utc(2021, 1, 5, 9, 30);
  for (auto [rrule, period] : {std::pair{"FREQ=HOURLY;INTERVAL=7", 7 * kHour},
                               std::pair{"FREQ=MINUTELY;INTERVAL=45", 45 * kMinute},
                               std::pair{"FREQ=DAILY;INTERVAL=3", 3 * kDay}}) {
    auto expander = rule(start, rrule, "UTC");
    auto found = expander.occurrences(utc(2024, 5, 1, 0), utc(2024, 5, 10, 0), 1000);
    ASSERT_FALSE(found.empty()) << rrule;
    for (Seconds t : found) EXPECT_EQ((t - start) % period, 0) << rrule << " at " << t;
    EXPECT_LT(found.front() - utc(2024, 5, 1, 0), period) << rrule;
  }
}

TEST(RruleExpanderTest, AtMostLimitOccurrences) {
  auto minutely = rule(utc(2024, 1, 1, 0), "FREQ=MINUTELY", "UTC");
  auto found = minutely.occurrences(utc(2024, 1, 1, 0), utc(2024, 1, 8, 0), 1000);
  ASSERT_EQ(found.size(), 1000u);
  EXPECT_EQ(found.back(), utc(2024, 1, 1, 16, 39));
}

TEST(RruleExpanderTest, BadRulesAndZonesAreClearBadRequests) {
  struct Case {
    const char* rrule;
    const char* zone;
    const char* says;
  };
  for (const auto& c : {Case{"FREQ=SOMETIMES", "UTC", "rrule: 'FREQ=SOMETIMES' is not a valid"},
                        Case{"FREQ=DAILY;BYDAY=XX", "UTC", "is not a valid iCalendar RRULE"},
                        Case{"BYDAY=MO", "UTC", "has no FREQ"},
                        Case{"FREQ=DAILY;COUNT=2;UNTIL=20240101T000000Z", "UTC", "rrule:"},
                        Case{"FREQ=DAILY", "Mars/Olympus_Mons", "timezone: 'Mars/Olympus_Mons'"}}) {
    auto expander = RruleExpander::create(utc(2024, 1, 1, 0), c.rrule, c.zone);
    ASSERT_FALSE(expander.ok()) << c.rrule;
    EXPECT_EQ(expander.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(expander.error().message.find(c.says), std::string::npos) << expander.error().message;
  }
}

}  // namespace
}  // namespace vigil
