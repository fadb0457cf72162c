#include "http/http_message.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace vigil {
namespace {

TEST(HttpMessage, ErrorHasExactlyCodeAndMessage) {
  const auto response = HttpResponse::error(404, "NOT_FOUND", "No such monitor");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"error":{"code":"NOT_FOUND","message":"No such monitor"}})");
}

TEST(HttpMessage, ErrorEscapesJsonSpecialCharacters) {
  const std::string message = "bad \"name\" \\ in\nline\ttab \x01 é";
  const auto response = HttpResponse::error(400, "BAD\"CODE", message);
  const auto parsed = boost::json::parse(response.body);
  EXPECT_EQ(parsed.at("error").at("code").as_string(), "BAD\"CODE");
  EXPECT_EQ(parsed.at("error").at("message").as_string(), message);
}

TEST(HttpMessage, JsonKeepsStatusAndBody) {
  const auto response = HttpResponse::json(201, R"({"id":1})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"id":1})");
}

TEST(HttpMessage, HeaderAndQueryLookups) {
  HttpRequest request;
  request.headers = {{"authorization", "Bearer abc"}};
  request.query = {{"page", "2"}, {"empty", ""}};
  EXPECT_EQ(request.header("authorization"), "Bearer abc");
  EXPECT_FALSE(request.header("cookie"));
  EXPECT_EQ(request.query_param("page"), "2");
  EXPECT_EQ(request.query_param("empty"), "");
  EXPECT_FALSE(request.query_param("limit"));
}

}  // namespace
}  // namespace vigil
