#include "http/request_target.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using Query = std::map<std::string, std::string>;
using Segments = std::vector<std::string>;

HttpRequest parsed(std::string_view target) {
  HttpRequest request;
  EXPECT_TRUE(parse_request_target(target, request)) << target;
  return request;
}

TEST(RequestTarget, DecodesPathAndQuery) {
  const auto request = parsed("/status%20page/a%2Fb?tag=web%20api&q=a+b&flag&x=%26%3D");
  EXPECT_EQ(request.path, "/status page/a/b");
  EXPECT_EQ(request.query, (Query{{"tag", "web api"}, {"q", "a b"}, {"flag", ""}, {"x", "&="}}));
}

TEST(RequestTarget, LastRepeatedQueryParameterWins) {
  EXPECT_EQ(parsed("/m?page=1&page=3").query, (Query{{"page", "3"}}));
}

TEST(RequestTarget, PlainPathHasNoQuery) {
  const auto request = parsed("/api/v4/monitors");
  EXPECT_EQ(request.path, "/api/v4/monitors");
  EXPECT_TRUE(request.query.empty());
}

TEST(RequestTarget, AcceptsAbsoluteForm) {
  const auto request = parsed("http://example.com:3000/healthcheck?x=1");
  EXPECT_EQ(request.path, "/healthcheck");
  EXPECT_EQ(request.query, (Query{{"x", "1"}}));
  EXPECT_EQ(parsed("http://example.com").path, "/");
}

TEST(RequestTarget, RejectsMalformedTargets) {
  for (const char* target : {"", "no-slash", "/a%zz", "/a?x=%2", "/a b", "/a\x01"}) {
    HttpRequest request;
    EXPECT_FALSE(parse_request_target(target, request)) << target;
  }
}

TEST(RequestTarget, SegmentsAreDecodedOneByOne) {
  HttpRequest request;
  request.target = "/monitors/a%2Fb/data%20x/?from=1";
  EXPECT_EQ(path_segments(request), (Segments{"monitors", "a/b", "data x"}));
}

TEST(RequestTarget, SegmentsFallBackToDecodedPath) {
  HttpRequest request;
  request.path = "/monitors/50%/";
  EXPECT_EQ(path_segments(request), (Segments{"monitors", "50%"}));
}

TEST(RequestTarget, RootHasNoSegments) {
  HttpRequest request;
  request.target = "/";
  EXPECT_EQ(path_segments(request), Segments{});
  EXPECT_EQ(split_path("/"), Segments{});
  EXPECT_EQ(split_path("/a//b/"), (Segments{"a", "", "b"}));
}

TEST(RequestTarget, MalformedTargetHasNoSegments) {
  HttpRequest request;
  request.target = "/a%zz";
  EXPECT_FALSE(path_segments(request));
}

}  // namespace
}  // namespace vigil
