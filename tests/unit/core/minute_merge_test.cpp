#include "core/minute_merge.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

constexpr auto kUp = Status::kUp;
constexpr auto kDown = Status::kDown;
constexpr auto kDegraded = Status::kDegraded;
constexpr auto kMaintenance = Status::kMaintenance;
constexpr auto kNoData = Status::kNoData;
constexpr std::optional<Status> kAbsent;

struct MergeCase {
  MinuteLayers layers;
  Status expected;
};

TEST(MinuteMergeTest, LaterLayersWin) {
  const MergeCase cases[] = {
      {{kAbsent, kAbsent, kAbsent, kAbsent}, kNoData},
      {{kUp, kAbsent, kAbsent, kAbsent}, kUp},
      {{kUp, kDown, kAbsent, kAbsent}, kDown},
      {{kDown, kUp, kAbsent, kAbsent}, kUp},    // a real check beats the default, even if better
      {{kUp, kNoData, kAbsent, kAbsent}, kUp},  // a NO_DATA check leaves the default
      {{kAbsent, kNoData, kAbsent, kAbsent}, kNoData},
      {{kAbsent, kUp, kDegraded, kAbsent}, kDegraded},
      {{kAbsent, kDown, kUp, kAbsent}, kUp},  // an incident's impact overrides the check
      {{kAbsent, kAbsent, kDown, kAbsent}, kDown},
      {{kUp, kDown, kDegraded, kMaintenance}, kMaintenance},
      {{kAbsent, kAbsent, kAbsent, kMaintenance}, kMaintenance},
      {{kDegraded, kAbsent, kAbsent, kAbsent}, kDegraded},
  };
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(merge_minute(cases[i].layers), cases[i].expected) << "case " << i;
  }
}

}  // namespace
}  // namespace vigil
