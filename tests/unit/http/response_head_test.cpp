#include "http/response_head.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

HttpResponse text_response(int status) {
  HttpResponse response;
  response.status = status;
  response.content_type = "text/plain";
  return response;
}

TEST(ResponseHead, KeptHttp11ResponseHasStatusTypeHeadersAndLength) {
  auto response = text_response(200);
  response.headers.emplace_back("ETag", "\"abc\"");
  EXPECT_EQ(response_head(response, 11, true, 5),
            "HTTP/1.1 200 OK\r\nServer: Vigil\r\nContent-Type: text/plain\r\n"
            "ETag: \"abc\"\r\nContent-Length: 5\r\n\r\n");
}

TEST(ResponseHead, ClosingHttp11ResponseSaysConnectionClose) {
  EXPECT_EQ(response_head(text_response(404), 11, false, 0),
            "HTTP/1.1 404 Not Found\r\nServer: Vigil\r\nContent-Type: text/plain\r\n"
            "Connection: close\r\nContent-Length: 0\r\n\r\n");
}

TEST(ResponseHead, KeptHttp10ResponseSaysKeepAlive) {
  EXPECT_EQ(response_head(text_response(200), 10, true, 2),
            "HTTP/1.0 200 OK\r\nServer: Vigil\r\nContent-Type: text/plain\r\n"
            "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n");
}

TEST(ResponseHead, NotModifiedAndNoContentHaveNoLength) {
  HttpResponse not_modified;
  not_modified.status = 304;
  not_modified.content_type.clear();
  EXPECT_EQ(response_head(not_modified, 11, true, 0),
            "HTTP/1.1 304 Not Modified\r\nServer: Vigil\r\n\r\n");
  EXPECT_EQ(response_head(text_response(204), 11, true, 0).find("Content-Length"),
            std::string::npos);
}

TEST(ResponseHead, StreamedResponseHasNoLength) {
  const auto head = response_head(text_response(200), 11, false, std::nullopt);
  EXPECT_EQ(head.find("Content-Length"), std::string::npos);
  EXPECT_NE(head.find("Connection: close\r\n"), std::string::npos);
}

TEST(ResponseHead, LineBreaksInHeadersCannotSplitTheResponse) {
  auto response = text_response(302);
  response.headers.emplace_back("Location", "/x\r\nSet-Cookie: stolen=1");
  response.headers.emplace_back("X-Evil\nName", "v");
  const auto head = response_head(response, 11, true, 0);
  EXPECT_NE(head.find("Location: /x  Set-Cookie: stolen=1\r\n"), std::string::npos);
  EXPECT_NE(head.find("X-Evil Name: v\r\n"), std::string::npos);
  EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
}

}  // namespace
}  // namespace vigil
