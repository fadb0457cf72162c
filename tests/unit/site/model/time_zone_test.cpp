#include "site/model/time_zone.hpp"

#include <gtest/gtest.h>

#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::utc;

std::vector<LocalDay> days_in(std::string_view zone, Seconds now, int days) {
  Result<std::vector<LocalDay>> result = local_days(zone, now, days);
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? *result : std::vector<LocalDay>{};
}

void expect_contiguous(const std::vector<LocalDay>& days) {
  for (std::size_t i = 1; i < days.size(); ++i) {
    EXPECT_EQ(days[i - 1].end_utc, days[i].start_utc) << "day " << i;
  }
}

TEST(TimeZoneTest, UtcDaysAreWholeUtcDaysEndingToday) {
  const std::vector<LocalDay> days = days_in("UTC", utc(2026, 11, 23, 14, 5), 3);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].start_utc, utc(2026, 11, 21));
  EXPECT_EQ(days[2].start_utc, utc(2026, 11, 23));
  EXPECT_EQ(days[2].end_utc, utc(2026, 11, 24));
  EXPECT_EQ(days[2].year, 2026);
  EXPECT_EQ(days[2].month, 11);
  EXPECT_EQ(days[2].day, 23);
  expect_contiguous(days);
}

TEST(TimeZoneTest, BerlinSpringForwardDayHas23Hours) {
  const std::vector<LocalDay> days = days_in("Europe/Berlin", utc(2026, 3, 30, 12), 3);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].day, 28);
  EXPECT_EQ(days[0].start_utc, utc(2026, 3, 27, 23));  // CET, +01:00
  EXPECT_EQ(days[1].day, 29);
  EXPECT_EQ(days[1].start_utc, utc(2026, 3, 28, 23));
  EXPECT_EQ(days[1].end_utc - days[1].start_utc, 23 * kHour);
  EXPECT_EQ(days[2].start_utc, utc(2026, 3, 29, 22));  // CEST, +02:00
  EXPECT_EQ(days[2].end_utc - days[2].start_utc, 24 * kHour);
  expect_contiguous(days);
}

TEST(TimeZoneTest, BerlinFallBackDayHas25Hours) {
  const std::vector<LocalDay> days = days_in("Europe/Berlin", utc(2026, 10, 25, 23, 30), 2);
  ASSERT_EQ(days.size(), 2u);
  // 23:30 UTC on the 25th is already 00:30 on the 26th in Berlin (CET).
  EXPECT_EQ(days[1].day, 26);
  EXPECT_EQ(days[0].day, 25);
  EXPECT_EQ(days[0].start_utc, utc(2026, 10, 24, 22));
  EXPECT_EQ(days[0].end_utc - days[0].start_utc, 25 * kHour);
  expect_contiguous(days);
}

TEST(TimeZoneTest, NewYorkDaylightSavingDays) {
  const std::vector<LocalDay> march = days_in("America/New_York", utc(2026, 3, 8, 18), 1);
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(march[0].start_utc, utc(2026, 3, 8, 5));  // EST, -05:00
  EXPECT_EQ(march[0].end_utc, utc(2026, 3, 9, 4));    // EDT, -04:00
  const std::vector<LocalDay> november = days_in("America/New_York", utc(2026, 11, 1, 18), 1);
  ASSERT_EQ(november.size(), 1u);
  EXPECT_EQ(november[0].start_utc, utc(2026, 11, 1, 4));
  EXPECT_EQ(november[0].end_utc - november[0].start_utc, 25 * kHour);
}

TEST(TimeZoneTest, HalfHourZoneDaysStartAtHalfPast) {
  const std::vector<LocalDay> days = days_in("Asia/Kolkata", utc(2026, 1, 10, 20), 2);
  ASSERT_EQ(days.size(), 2u);
  // 20:00 UTC is 01:30 on the 11th in India.
  EXPECT_EQ(days[1].day, 11);
  EXPECT_EQ(days[1].start_utc, utc(2026, 1, 10, 18, 30));
  EXPECT_EQ(days[0].start_utc, utc(2026, 1, 9, 18, 30));
}

TEST(TimeZoneTest, LocalMidnightBelongsToTheNewDay) {
  const std::vector<LocalDay> days = days_in("Europe/Berlin", utc(2026, 11, 22, 23), 1);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].day, 23);
  EXPECT_EQ(days[0].start_utc, utc(2026, 11, 22, 23));
}

TEST(TimeZoneTest, SkippedMidnightStartsTheDayAtTheChange) {
  // Chile moves its clocks from 00:00 to 01:00 on 2026-09-06.
  Result<TimeZone> zone = TimeZone::locate("America/Santiago");
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(zone->start_of_day(2026, 9, 6), utc(2026, 9, 6, 4));
  const std::vector<LocalDay> days = zone->days_ending_at(utc(2026, 9, 6, 12), 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].end_utc - days[0].start_utc, 24 * kHour);
  EXPECT_EQ(days[1].end_utc - days[1].start_utc, 23 * kHour);
}

TEST(TimeZoneTest, NinetyDaysAcrossAYearEnd) {
  const std::vector<LocalDay> days = days_in("America/New_York", utc(2026, 2, 1, 12), 90);
  ASSERT_EQ(days.size(), 90u);
  EXPECT_EQ(days.front().year, 2025);
  EXPECT_EQ(days.front().month, 11);
  EXPECT_EQ(days.front().day, 4);
  EXPECT_EQ(days.back().day, 1);
  expect_contiguous(days);
}

TEST(TimeZoneTest, BadZoneOrDayCountIsAnError) {
  Result<std::vector<LocalDay>> unknown = local_days("Mars/Olympus_Mons", 0, 1);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(unknown.error().message.find("Mars/Olympus_Mons"), std::string::npos);
  EXPECT_FALSE(local_days("", 0, 1).ok());
  EXPECT_FALSE(local_days("UTC", 0, 0).ok());
  EXPECT_FALSE(local_days("UTC", 0, 100000).ok());
  EXPECT_FALSE(local_time("Not/AZone", 0).ok());
}

TEST(TimeZoneTest, FormatsLocalTimes) {
  Result<LocalTime> berlin = local_time("Europe/Berlin", utc(2026, 11, 23, 13, 5, 9));
  ASSERT_TRUE(berlin.ok());
  EXPECT_EQ(berlin->date_time(), "2026-11-23 14:05");
  EXPECT_EQ(berlin->abbreviation, "CET");
  EXPECT_EQ(berlin->weekday, 1);
  EXPECT_EQ(berlin->iso8601(), "2026-11-23T14:05:09+01:00");
  EXPECT_EQ(berlin->rfc822(), "Mon, 23 Nov 2026 14:05:09 +0100");

  Result<LocalTime> summer = local_time("Europe/Berlin", utc(2026, 7, 1, 10));
  ASSERT_TRUE(summer.ok());
  EXPECT_EQ(summer->abbreviation, "CEST");
  EXPECT_EQ(summer->utc_offset, 2 * kHour);

  Result<LocalTime> kathmandu = local_time("Asia/Kathmandu", utc(2025, 12, 31, 18, 15));
  ASSERT_TRUE(kathmandu.ok());
  EXPECT_EQ(kathmandu->date_time(), "2026-01-01 00:00");
  EXPECT_EQ(kathmandu->iso8601(), "2026-01-01T00:00:00+05:45");

  Result<LocalTime> new_york = local_time("America/New_York", utc(2026, 1, 1, 3));
  ASSERT_TRUE(new_york.ok());
  EXPECT_EQ(new_york->rfc822(), "Wed, 31 Dec 2025 22:00:00 -0500");
}

TEST(TimeZoneTest, DefaultZoneIsUtcWithoutTzdata) {
  const TimeZone zone;
  EXPECT_EQ(zone.name(), "UTC");
  const LocalTime t = zone.to_local(utc(2026, 2, 3, 4, 5, 6));
  EXPECT_EQ(t.date_time(), "2026-02-03 04:05");
  EXPECT_EQ(t.abbreviation, "UTC");
  EXPECT_EQ(zone.start_of_day(2026, 2, 3), utc(2026, 2, 3));
  Result<TimeZone> named = TimeZone::locate("Europe/Paris");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->name(), "Europe/Paris");
}

}  // namespace
}  // namespace vigil
