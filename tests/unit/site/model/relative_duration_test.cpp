#include "site/model/relative_duration.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(RelativeDurationTest, TwoLargestUnits) {
  EXPECT_EQ(relative_duration(0), "0s");
  EXPECT_EQ(relative_duration(-5), "0s");
  EXPECT_EQ(relative_duration(45), "45s");
  EXPECT_EQ(relative_duration(60), "1m");
  EXPECT_EQ(relative_duration(5 * kMinute + 10), "5m 10s");
  EXPECT_EQ(relative_duration(2 * kHour + 15 * kMinute + 59), "2h 15m");
  EXPECT_EQ(relative_duration(2 * kHour + 30), "2h");
  EXPECT_EQ(relative_duration(3 * kDay + 4 * kHour + 59 * kMinute), "3d 4h");
  EXPECT_EQ(relative_duration(3 * kDay + 5 * kMinute), "3d");
  EXPECT_EQ(relative_duration(400 * kDay), "400d");
}

}  // namespace
}  // namespace vigil
