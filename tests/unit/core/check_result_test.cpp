#include "core/check_result.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vigil {
namespace {

TEST(CheckResultTest, ErrorKindNames) {
  EXPECT_EQ(to_string(ErrorKind::kNone), "none");
  EXPECT_EQ(to_string(ErrorKind::kTimeout), "timeout");
  EXPECT_EQ(to_string(ErrorKind::kRefused), "refused");
  EXPECT_EQ(to_string(ErrorKind::kDns), "dns");
  EXPECT_EQ(to_string(ErrorKind::kTls), "tls");
  EXPECT_EQ(to_string(ErrorKind::kProtocol), "protocol");
  EXPECT_EQ(to_string(ErrorKind::kError), "error");
}

TEST(CheckResultTest, KenerRowTypes) {
  EXPECT_EQ(row_type(ErrorKind::kNone), "REALTIME");
  EXPECT_EQ(row_type(ErrorKind::kTimeout), "TIMEOUT");
  for (ErrorKind kind : {ErrorKind::kRefused, ErrorKind::kDns, ErrorKind::kTls,
                         ErrorKind::kProtocol, ErrorKind::kError}) {
    EXPECT_EQ(row_type(kind), "ERROR") << to_string(kind);
  }
}

TEST(CheckResultTest, CheckIdIsFnv1aOfTagThenDueTime) {
  // Reference value computed independently (Python) over b"api-health" + (1700000000000 as
  // 8 little-endian bytes); it must never change, or redelivered results stop deduplicating.
  EXPECT_EQ(make_check_id("api-health", 1'700'000'000'000), 13178986980558204436ull);
}

TEST(CheckResultTest, CheckIdsDifferPerMonitorAndDueTime) {
  std::set<std::uint64_t> ids;
  for (const char* tag : {"a", "b", "api", "apib"}) {
    for (Millis due = 0; due < 100'000; due += 1000) ids.insert(make_check_id(tag, due));
  }
  EXPECT_EQ(ids.size(), 4u * 100u);
  EXPECT_EQ(make_check_id("a", 5), make_check_id("a", 5));
}

}  // namespace
}  // namespace vigil
