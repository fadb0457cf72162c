#include "site/badge/badge_query.hpp"

#include <gtest/gtest.h>

#include "http/request_target.hpp"

namespace vigil {
namespace {

HttpRequest request(const std::string& target) {
  HttpRequest r;
  r.method = "GET";
  r.target = target;
  EXPECT_TRUE(parse_request_target(target, r));
  return r;
}

TEST(BadgeQueryTest, DefaultsAreKeners) {
  const auto query = parse_badge_query(request("/badge/a/uptime"));
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->style, BadgeStyle::kFlat);
  EXPECT_EQ(query->since_last, 90 * kDay);
  EXPECT_FALSE(query->hide_duration);
  EXPECT_EQ(query->metric, LatencyMetric::kAverage);
  EXPECT_FALSE(query->label || query->color || query->label_color || query->fill_color);
}

TEST(BadgeQueryTest, ReadsEveryParameter) {
  const auto query = parse_badge_query(
      request("/b?style=for-the-badge&label=+My+API+&labelColor=F2BED1&color=%23abc"
              "&sinceLast=900&hideDuration=true&metric=maximum&animate=ping&fillColor=red"
              "&locale=de"));
  ASSERT_TRUE(query.ok()) << query.error().message;
  EXPECT_EQ(query->style, BadgeStyle::kForTheBadge);
  EXPECT_EQ(query->label, "My API");
  EXPECT_EQ(query->label_color, "#f2bed1");
  EXPECT_EQ(query->color, "#abc");
  EXPECT_EQ(query->since_last, 900);
  EXPECT_TRUE(query->hide_duration);
  EXPECT_EQ(query->metric, LatencyMetric::kMaximum);
  EXPECT_TRUE(query->ping);
  EXPECT_EQ(query->fill_color, "#e05d44");
}

TEST(BadgeQueryTest, EmptyValuesCountAsAbsent) {
  const auto query = parse_badge_query(request("/b?style=&label=&color=&sinceLast="));
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->style, BadgeStyle::kFlat);
  EXPECT_FALSE(query->label);
  EXPECT_EQ(query->since_last, 90 * kDay);
}

TEST(BadgeQueryTest, BadValuesNameTheParameter) {
  for (const auto& [target, name] : std::vector<std::pair<std::string, std::string>>{
           {"/b?style=round", "style"},
           {"/b?metric=p99", "metric"},
           {"/b?sinceLast=abc", "sinceLast"},
           {"/b?sinceLast=59", "sinceLast"},
           {"/b?sinceLast=1e5", "sinceLast"},
           {"/b?sinceLast=999999999999", "sinceLast"},
           {"/b?hideDuration=yes", "hideDuration"},
           {"/b?animate=spin", "animate"},
           {"/b?labelColor=notacolour", "labelColor"},
           {"/b?fillColor=%3Cx%3E", "fillColor"},
           {"/b?label=" + std::string(300, 'x'), "label"}}) {
    const auto query = parse_badge_query(request(target));
    ASSERT_FALSE(query.ok()) << target;
    EXPECT_EQ(query.error().code, ErrorCode::kBadRequest);
    EXPECT_TRUE(query.error().message.starts_with(name + ":")) << query.error().message;
  }
}

TEST(BadgeQueryTest, CacheKeyKeepsOnlyBadgeParametersInAFixedOrder) {
  const auto a = badge_cache_key("uptime", "api", request("/b?style=flat&sinceLast=900&x=1"));
  const auto b = badge_cache_key("uptime", "api", request("/b?sinceLast=900&y=2&style=flat"));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, badge_cache_key("latency", "api", request("/b?style=flat&sinceLast=900")));
  EXPECT_NE(a, badge_cache_key("uptime", "web", request("/b?style=flat&sinceLast=900")));
  EXPECT_NE(badge_cache_key("status", "a", request("/b?label=x%26color%3Dred")),
            badge_cache_key("status", "a", request("/b?label=x&color=red")));
}

}  // namespace
}  // namespace vigil
