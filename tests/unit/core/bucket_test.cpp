#include "core/bucket.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(StatusCountsTest, AddsSamplesButNotNoData) {
  StatusCounts counts;
  counts.add(Status::kUp, 3);
  counts.add(Status::kDown);
  counts.add(Status::kDegraded, 2);
  counts.add(Status::kMaintenance);
  counts.add(Status::kNoData, 5);
  EXPECT_EQ(counts.up, 3);
  EXPECT_EQ(counts.down, 1);
  EXPECT_EQ(counts.degraded, 2);
  EXPECT_EQ(counts.maintenance, 1);
  EXPECT_EQ(counts.total(), 7);
}

TEST(StatusCountsTest, WorstStatusWins) {
  StatusCounts counts;
  EXPECT_EQ(counts.worst(), Status::kNoData);
  counts.add(Status::kUp);
  EXPECT_EQ(counts.worst(), Status::kUp);
  counts.add(Status::kMaintenance);
  EXPECT_EQ(counts.worst(), Status::kMaintenance);
  counts.add(Status::kDegraded);
  EXPECT_EQ(counts.worst(), Status::kDegraded);
  counts.add(Status::kDown);
  EXPECT_EQ(counts.worst(), Status::kDown);
}

TEST(StatusCountsTest, MergeAddsEachCount) {
  StatusCounts a{1, 2, 3, 4};
  a.merge(StatusCounts{10, 20, 30, 40});
  EXPECT_EQ(a.up, 11);
  EXPECT_EQ(a.degraded, 22);
  EXPECT_EQ(a.down, 33);
  EXPECT_EQ(a.maintenance, 44);
}

TEST(LatencyStatsTest, TracksMinMeanMax) {
  LatencyStats stats;
  EXPECT_EQ(stats.avg(), 0);
  stats.add(120);
  stats.add(80);
  stats.add(100);
  EXPECT_EQ(stats.min, 80);
  EXPECT_EQ(stats.max, 120);
  EXPECT_EQ(stats.avg(), 100);
  EXPECT_EQ(stats.count, 3);
}

TEST(LatencyStatsTest, MergeWithAnEmptySideKeepsTheOthersMinAndMax) {
  LatencyStats filled;
  filled.add(50);
  filled.add(70);

  LatencyStats empty;
  empty.merge(filled);
  EXPECT_EQ(empty.min, 50);
  EXPECT_EQ(empty.max, 70);
  EXPECT_EQ(empty.count, 2);

  filled.merge(LatencyStats{});
  EXPECT_EQ(filled.min, 50);
  EXPECT_EQ(filled.max, 70);
  EXPECT_EQ(filled.avg(), 60);
}

TEST(LatencyStatsTest, MergeCombinesBothSides) {
  LatencyStats a;
  a.add(10);
  a.add(30);
  LatencyStats b;
  b.add(5);
  b.add(100);
  a.merge(b);
  EXPECT_EQ(a.min, 5);
  EXPECT_EQ(a.max, 100);
  EXPECT_EQ(a.count, 4);
  EXPECT_DOUBLE_EQ(a.avg(), 36.25);
}

TEST(BucketTest, AddKeepsLatestTypeAndLatestNonEmptyError) {
  Bucket bucket;
  bucket.add(Status::kDown, 0, "TIMEOUT", "timed out after 5000 ms");
  bucket.add(Status::kUp, 40, "REALTIME", "");
  EXPECT_EQ(bucket.status(), Status::kDown);
  EXPECT_EQ(bucket.type, "REALTIME");
  EXPECT_EQ(bucket.error_message, "timed out after 5000 ms");
  EXPECT_EQ(bucket.counts.up, 1);
  EXPECT_EQ(bucket.counts.down, 1);
  EXPECT_EQ(bucket.latency.count, 2);
  EXPECT_EQ(bucket.latency.max, 40);
}

TEST(BucketTest, NoDataSampleChangesNothing) {
  Bucket bucket;
  bucket.add(Status::kUp, 40, "REALTIME", "");
  bucket.add(Status::kNoData, 0, "ERROR", "no answer");
  EXPECT_EQ(bucket.status(), Status::kUp);
  EXPECT_EQ(bucket.type, "REALTIME");
  EXPECT_EQ(bucket.error_message, "");
  EXPECT_EQ(bucket.latency.count, 1);
}

TEST(BucketTest, MergeAddsCountsAndLatestWins) {
  Bucket earlier;
  earlier.add(Status::kUp, 20, "REALTIME", "");
  earlier.add(Status::kDegraded, 900, "REALTIME", "slow");
  Bucket later;
  later.add(Status::kUp, 10, "MANUAL", "");
  earlier.merge(later);
  EXPECT_EQ(earlier.status(), Status::kDegraded);
  EXPECT_EQ(earlier.counts.total(), 3);
  EXPECT_EQ(earlier.type, "MANUAL");
  EXPECT_EQ(earlier.error_message, "slow");
  EXPECT_EQ(earlier.latency.min, 10);
  EXPECT_EQ(earlier.latency.max, 900);

  Bucket with_error;
  with_error.add(Status::kDown, 0, "ERROR", "connection refused");
  earlier.merge(with_error);
  EXPECT_EQ(earlier.error_message, "connection refused");
  EXPECT_EQ(earlier.type, "ERROR");
}

TEST(BucketTest, MergingAnEmptyBucketKeepsTheType) {
  Bucket bucket;
  bucket.add(Status::kDown, 0, "TIMEOUT", "timed out");
  bucket.merge(Bucket{});
  EXPECT_EQ(bucket.type, "TIMEOUT");
  EXPECT_EQ(bucket.counts.total(), 1);
}

TEST(BucketTest, PeriodOfEachGranularity) {
  EXPECT_EQ(period_of(Granularity::kMinute), 60);
  EXPECT_EQ(period_of(Granularity::kHour), 3600);
  EXPECT_EQ(period_of(Granularity::kDay), 86400);
}

}  // namespace
}  // namespace vigil
