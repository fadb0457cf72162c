#include "services/live_state.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

LiveStatus seen(Status s) {
  return LiveStatus{s, 1, 0, "REALTIME"};
}

TEST(LiveStateTest, FirstObservationIsShownAtOnce) {
  LiveState live;
  EXPECT_EQ(live.observe("a", seen(Status::kDown), 3), Status::kNoData);
  EXPECT_EQ(live.get("a")->status, Status::kDown);
}

TEST(LiveStateTest, ConfirmationThresholdHoldsAFlipUntilConfirmed) {
  LiveState live;
  live.observe("a", seen(Status::kUp), 3);
  EXPECT_FALSE(live.observe("a", seen(Status::kDown), 3));
  EXPECT_FALSE(live.observe("a", seen(Status::kDown), 3));
  EXPECT_EQ(live.get("a")->status, Status::kUp);
  EXPECT_EQ(live.observe("a", seen(Status::kDown), 3), Status::kUp);
  EXPECT_EQ(live.get("a")->status, Status::kDown);
}

TEST(LiveStateTest, AnInterruptedStreakStartsAgain) {
  LiveState live;
  live.observe("a", seen(Status::kUp), 2);
  EXPECT_FALSE(live.observe("a", seen(Status::kDown), 2));
  EXPECT_FALSE(live.observe("a", seen(Status::kUp), 2));
  EXPECT_FALSE(live.observe("a", seen(Status::kDown), 2));
  EXPECT_EQ(live.get("a")->status, Status::kUp);
}

TEST(LiveStateTest, ChangesOnTheSameSideAreImmediate) {
  LiveState live;
  live.observe("a", seen(Status::kDown), 5);
  EXPECT_EQ(live.observe("a", seen(Status::kDegraded), 5), Status::kDown);
  EXPECT_EQ(live.get("a")->status, Status::kDegraded);
}

}  // namespace
}  // namespace vigil
