#include "site/model/banner.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vigil {
namespace {

std::vector<Status> statuses(int up, int degraded, int down, int maintenance, int no_data = 0) {
  std::vector<Status> out;
  out.insert(out.end(), up, Status::kUp);
  out.insert(out.end(), degraded, Status::kDegraded);
  out.insert(out.end(), down, Status::kDown);
  out.insert(out.end(), maintenance, Status::kMaintenance);
  out.insert(out.end(), no_data, Status::kNoData);
  return out;
}

BannerKind kind(int up, int degraded, int down, int maintenance, int no_data = 0) {
  return make_banner(statuses(up, degraded, down, maintenance, no_data)).kind;
}

TEST(BannerTest, MajorOutageFromSeventyFivePercentDown) {
  EXPECT_EQ(kind(1, 0, 3, 0), BannerKind::kMajorOutage);        // exactly 75 %
  EXPECT_EQ(kind(0, 0, 4, 0), BannerKind::kMajorOutage);        // all down
  EXPECT_EQ(kind(25, 0, 76, 0), BannerKind::kMajorOutage);      // 75.2 %
  EXPECT_EQ(kind(26, 0, 74, 0), BannerKind::kPartialOutage);    // 74 %
  EXPECT_EQ(kind(101, 0, 299, 0), BannerKind::kPartialOutage);  // 74.75 %
  EXPECT_EQ(kind(99, 0, 1, 0), BannerKind::kPartialOutage);
  const Banner major = make_banner(statuses(1, 0, 3, 0));
  EXPECT_EQ(major.message_key, "banner.major_outage");
  EXPECT_EQ(major.status, Status::kDown);
  const Banner partial = make_banner(statuses(3, 0, 1, 0));
  EXPECT_EQ(partial.message_key, "banner.partial_outage");
  EXPECT_EQ(partial.status, Status::kDown);
}

TEST(BannerTest, DownOutranksDegradedAndMaintenance) {
  // A single DOWN among many degraded is a partial outage, not degraded performance.
  EXPECT_EQ(kind(0, 9, 1, 0), BannerKind::kPartialOutage);
  // Maintenance never hides a problem (Kener's code would say "Under Maintenance" here).
  EXPECT_EQ(kind(0, 0, 1, 5), BannerKind::kPartialOutage);
  EXPECT_EQ(kind(0, 1, 0, 5), BannerKind::kPartialDegraded);
}

TEST(BannerTest, DegradedFromSeventyFivePercent) {
  EXPECT_EQ(kind(1, 3, 0, 0), BannerKind::kDegraded);
  EXPECT_EQ(kind(26, 74, 0, 0), BannerKind::kPartialDegraded);
  EXPECT_EQ(kind(3, 1, 0, 0), BannerKind::kPartialDegraded);
  EXPECT_EQ(kind(0, 3, 0, 1), BannerKind::kDegraded);  // maintenance counts in the whole
  const Banner degraded = make_banner(statuses(0, 4, 0, 0));
  EXPECT_EQ(degraded.message_key, "banner.degraded");
  EXPECT_EQ(degraded.status, Status::kDegraded);
  EXPECT_EQ(make_banner(statuses(3, 1, 0, 0)).message_key, "banner.partial_degraded");
}

TEST(BannerTest, MaintenanceOperationalAndNoData) {
  const Banner maintenance = make_banner(statuses(5, 0, 0, 1));
  EXPECT_EQ(maintenance.kind, BannerKind::kMaintenance);
  EXPECT_EQ(maintenance.message_key, "banner.maintenance");
  EXPECT_EQ(maintenance.status, Status::kMaintenance);
  const Banner up = make_banner(statuses(5, 0, 0, 0));
  EXPECT_EQ(up.kind, BannerKind::kOperational);
  EXPECT_EQ(up.message_key, "banner.operational");
  EXPECT_EQ(up.status, Status::kUp);
  const Banner none = make_banner(statuses(0, 0, 0, 0, 3));
  EXPECT_EQ(none.kind, BannerKind::kNoData);
  EXPECT_EQ(none.message_key, "banner.no_data");
  EXPECT_EQ(none.status, Status::kNoData);
  EXPECT_EQ(make_banner({}).kind, BannerKind::kNoData);
}

TEST(BannerTest, NoDataMonitorsAreLeftOutOfTheShares) {
  // As in Kener: three UP and two without data are all operational.
  EXPECT_EQ(kind(3, 0, 0, 0, 2), BannerKind::kOperational);
  // One UP, three DOWN and many NO_DATA is still 75 % of the monitors with data.
  EXPECT_EQ(kind(1, 0, 3, 0, 10), BannerKind::kMajorOutage);
  EXPECT_EQ(kind(1, 3, 0, 0, 10), BannerKind::kDegraded);
}

}  // namespace
}  // namespace vigil
