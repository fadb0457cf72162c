#include <gtest/gtest.h>

#include "probes/api/api_probe.hpp"

namespace vigil {
namespace {

std::string error_of(const std::string& type_data) {
  auto settings = ApiProbe::parse(type_data);
  if (settings) return "";
  EXPECT_EQ(settings.error().code, ErrorCode::kBadRequest);
  return settings.error().message;
}

TEST(ApiProbeSettingsTest, DefaultsFollowKener) {
  auto settings = ApiProbe::parse(R"({"url":"https://example.com/health"})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->url, "https://example.com/health");
  EXPECT_EQ(settings->method, "GET");
  EXPECT_TRUE(settings->headers.empty());
  EXPECT_EQ(settings->body, "");
  EXPECT_EQ(settings->timeout_ms, 10000);
  EXPECT_FALSE(settings->allow_self_signed_cert);
  EXPECT_TRUE(settings->follow_redirects);
  EXPECT_EQ(settings->max_redirects, 5);
  EXPECT_FALSE(settings->degraded_above_ms.has_value());
}

TEST(ApiProbeSettingsTest, ReadsEveryKenerField) {
  auto settings = ApiProbe::parse(R"json({
    "url": "http://10.0.0.1:8080/x", "method": "post",
    "headers": [{"key": "Authorization", "value": "Bearer $TOKEN"}, {"key": "X-Empty"}],
    "body": "{}", "timeout": 2500, "allowSelfSignedCert": true, "follow_redirects": false,
    "max_redirects": 0, "eval": "(async function(){})", "degraded_above_ms": 800})json");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->method, "POST");
  ASSERT_EQ(settings->headers.size(), 2u);
  EXPECT_EQ(settings->headers[0].first, "Authorization");
  EXPECT_EQ(settings->headers[0].second, "Bearer $TOKEN");
  EXPECT_EQ(settings->headers[1].second, "");
  EXPECT_EQ(settings->body, "{}");
  EXPECT_EQ(settings->timeout_ms, 2500);
  EXPECT_TRUE(settings->allow_self_signed_cert);
  EXPECT_FALSE(settings->follow_redirects);
  EXPECT_EQ(settings->max_redirects, 0);
  EXPECT_EQ(settings->degraded_above_ms, 800);
}

TEST(ApiProbeSettingsTest, HeadersMayBeAnObject) {
  auto settings = ApiProbe::parse(R"({"url":"http://a/","headers":{"X-A":"1"}})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  ASSERT_EQ(settings->headers.size(), 1u);
  EXPECT_EQ(settings->headers[0], (std::pair<std::string, std::string>{"X-A", "1"}));
}

TEST(ApiProbeSettingsTest, UrlMayStartWithAnEnvironmentReference) {
  EXPECT_EQ(error_of(R"({"url":"$BASE_URL/health"})"), "");
}

TEST(ApiProbeSettingsTest, MissingUrlIsNamed) {
  EXPECT_EQ(error_of(R"({"method":"GET"})"), "type_data.url: is required");
}

TEST(ApiProbeSettingsTest, NonHttpUrlIsRejected) {
  EXPECT_EQ(error_of(R"({"url":"ftp://example.com/"})"),
            "type_data.url: must start with http:// or https://");
}

TEST(ApiProbeSettingsTest, BadMethodIsNamed) {
  EXPECT_NE(error_of(R"({"url":"http://a/","method":"FETCH"})").find("type_data.method"),
            std::string::npos);
}

TEST(ApiProbeSettingsTest, UnknownKeyIsNamed) {
  EXPECT_EQ(error_of(R"({"url":"http://a/","retries":3})"), "type_data.retries: unknown field");
}

TEST(ApiProbeSettingsTest, WrongTypesAreAllReported) {
  std::string error = error_of(
      R"({"url":42,"timeout":"10s","allowSelfSignedCert":"yes","headers":[{"key":1}],
          "max_redirects":-1})");
  EXPECT_NE(error.find("type_data.url: must be a string"), std::string::npos) << error;
  EXPECT_NE(error.find("type_data.timeout: must be an integer"), std::string::npos) << error;
  EXPECT_NE(error.find("type_data.allowSelfSignedCert: must be true or false"), std::string::npos)
      << error;
  EXPECT_NE(error.find("type_data.headers[0].key: must be a string"), std::string::npos) << error;
  EXPECT_NE(error.find("type_data.max_redirects"), std::string::npos) << error;
}

TEST(ApiProbeSettingsTest, TypeDataMustBeAJsonObject) {
  EXPECT_NE(error_of("[1]").find("must be an object"), std::string::npos);
  EXPECT_NE(error_of("{").find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace vigil
