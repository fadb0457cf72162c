#include "site/model/event_month.hpp"

#include <gtest/gtest.h>

#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::utc;

TEST(EventMonthTest, ParsesMonthNamesInAnyCase) {
  for (std::string_view slug : {"November-2026", "november-2026", "NOVEMBER-2026"}) {
    Result<EventMonth> month = parse_event_month(slug);
    ASSERT_TRUE(month.ok()) << slug;
    EXPECT_EQ(*month, (EventMonth{2026, 11}));
  }
  EXPECT_EQ(*parse_event_month("January-1970"), (EventMonth{1970, 1}));
  EXPECT_EQ(*parse_event_month("December-9999"), (EventMonth{9999, 12}));
}

TEST(EventMonthTest, RejectsBadInputWithAClearError) {
  for (std::string_view slug :
       {"", "November", "November2026", "Nov-2026", "Novembre-2026", "November-26",
        "November-20261", "November-2026x", "November--2026", "November-+026", "November- 2026",
        "-2026", "November-1969", "11-2026", "November-abcd"}) {
    Result<EventMonth> month = parse_event_month(slug);
    ASSERT_FALSE(month.ok()) << slug;
    EXPECT_EQ(month.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(month.error().message.find("expected Month-YYYY"), std::string::npos);
  }
  EXPECT_NE(parse_event_month("Smarch-2026").error().message.find("unknown month name"),
            std::string::npos);
}

TEST(EventMonthTest, SlugsAndNeighbours) {
  EXPECT_EQ(event_month_slug({2026, 11}), "November-2026");
  EXPECT_EQ(event_month_slug(previous_month({2026, 1})), "December-2025");
  EXPECT_EQ(event_month_slug(next_month({2026, 12})), "January-2027");
  EXPECT_EQ(next_month({2026, 5}), (EventMonth{2026, 6}));
  EXPECT_EQ(previous_month({2026, 5}), (EventMonth{2026, 4}));
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(*parse_event_month(event_month_slug({2030, m})), (EventMonth{2030, m}));
  }
}

TEST(EventMonthTest, RangeRunsBetweenLocalMidnights) {
  Result<TimeZone> berlin = TimeZone::locate("Europe/Berlin");
  ASSERT_TRUE(berlin.ok());
  const TimeRange march = month_range({2026, 3}, *berlin);
  EXPECT_EQ(march.start, utc(2026, 2, 28, 23));  // CET
  EXPECT_EQ(march.end, utc(2026, 3, 31, 22));    // CEST
  const TimeRange december = month_range({2026, 12}, TimeZone());
  EXPECT_EQ(december.start, utc(2026, 12, 1));
  EXPECT_EQ(december.end, utc(2027, 1, 1));
  EXPECT_EQ(month_of(berlin->to_local(utc(2026, 3, 31, 22, 30))), (EventMonth{2026, 4}));
}

}  // namespace
}  // namespace vigil
