#include "http/response_cache.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace vigil {
namespace {

HttpRequest get(std::map<std::string, std::string> headers = {}) {
  HttpRequest request;
  request.method = "GET";
  request.target = "/x";
  request.path = "/x";
  request.headers = std::move(headers);
  return request;
}

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return {};
}

std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

HttpResponse ok(std::string body) {
  HttpResponse response;
  response.content_type = "image/svg+xml";
  response.body = std::move(body);
  return response;
}

const std::string kLargeBody = [] {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "<rect width=\"" + std::to_string(i) + "\"/>";
  return body;
}();

class ResponseCacheTest : public ::testing::Test {
 protected:
  HttpResponse serve(const HttpRequest& request, std::uint64_t revision,
                     const std::string& body = kLargeBody, const std::string& key = "k") {
    return cache_.serve(request, key, revision, "public, max-age=60", [&] {
      ++renders_;
      return ok(body);
    });
  }

  ResponseCache cache_;
  std::atomic<int> renders_{0};
};

TEST_F(ResponseCacheTest, GzipWhenAcceptedAndItRoundTrips) {
  const auto zipped = serve(get({{"accept-encoding", "br, gzip;q=0.8"}}), 1);
  EXPECT_EQ(zipped.status, 200);
  EXPECT_EQ(header(zipped, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(zipped, "Vary"), "Accept-Encoding");
  EXPECT_EQ(header(zipped, "Cache-Control"), "public, max-age=60");
  EXPECT_EQ(zipped.content_type, "image/svg+xml");
  EXPECT_LT(zipped.body.size(), kLargeBody.size());
  EXPECT_EQ(gunzip(zipped.body), kLargeBody);

  const auto plain = serve(get(), 1);
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(plain.body, kLargeBody);
  EXPECT_NE(header(plain, "ETag"), header(zipped, "ETag"));
  EXPECT_EQ(renders_, 1);
}

TEST_F(ResponseCacheTest, GzipRefusedByQZeroOrAbsent) {
  for (const std::string accept : {"gzip;q=0", "identity", "*;q=0", "br", "gzip; q=0.000"}) {
    const auto response = serve(get({{"accept-encoding", accept}}), 1);
    EXPECT_EQ(header(response, "Content-Encoding"), "") << accept;
  }
  EXPECT_EQ(header(serve(get({{"accept-encoding", "*"}}), 1), "Content-Encoding"), "gzip");
}

TEST_F(ResponseCacheTest, SmallBodiesAreNotCompressed) {
  const auto response = serve(get({{"accept-encoding", "gzip"}}), 1, "<svg/>");
  EXPECT_EQ(header(response, "Content-Encoding"), "");
  EXPECT_EQ(response.body, "<svg/>");
}

TEST_F(ResponseCacheTest, StrongQuotedEtagAndIfNoneMatchGives304) {
  const auto first = serve(get(), 1);
  const std::string etag = header(first, "ETag");
  ASSERT_EQ(etag.size(), 18u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');

  for (const std::string& condition :
       std::vector<std::string>{etag, "W/" + etag, "\"other\", " + etag, "*", "\"a,b\" ," + etag}) {
    const auto again = serve(get({{"if-none-match", condition}}), 1);
    EXPECT_EQ(again.status, 304) << condition;
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(header(again, "ETag"), etag);
  }
  EXPECT_EQ(serve(get({{"if-none-match", "\"other\""}}), 1).status, 200);
  EXPECT_EQ(renders_, 1);
}

TEST_F(ResponseCacheTest, EitherRepresentationsEtagValidates) {
  const auto zipped = serve(get({{"accept-encoding", "gzip"}}), 1);
  const auto plain_again = serve(get({{"if-none-match", header(zipped, "ETag")}}), 1);
  EXPECT_EQ(plain_again.status, 304);
}

TEST_F(ResponseCacheTest, ANewerRevisionRendersAgainAnOlderOneDoesNot) {
  EXPECT_EQ(serve(get(), 5, "one").body, "one");
  EXPECT_EQ(serve(get(), 5, "two").body, "one");
  EXPECT_EQ(serve(get(), 4, "two").body, "one");
  EXPECT_EQ(serve(get(), 6, "two").body, "two");
  EXPECT_EQ(renders_, 2);
  const auto old_etag_check =
      serve(get({{"if-none-match", header(serve(get(), 6), "ETag")}}), 7, "three");
  EXPECT_EQ(old_etag_check.status, 200);
  EXPECT_EQ(old_etag_check.body, "three");
}

TEST_F(ResponseCacheTest, KeysAreSeparate) {
  EXPECT_EQ(serve(get(), 1, "a", "k1").body, "a");
  EXPECT_EQ(serve(get(), 1, "b", "k2").body, "b");
  EXPECT_EQ(serve(get(), 1, "c", "k1").body, "a");
  cache_.clear();
  EXPECT_EQ(serve(get(), 1, "d", "k1").body, "d");
}

TEST_F(ResponseCacheTest, OnlyOkResponsesAreCached) {
  int renders = 0;
  const auto not_found = [&] {
    ++renders;
    HttpResponse response = ok("<svg>missing</svg>");
    response.status = 404;
    response.headers.emplace_back("Cache-Control", "no-cache");
    return response;
  };
  for (int i = 0; i < 3; ++i) {
    const auto response = cache_.serve(get(), "missing", 1, "public", not_found);
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.body, "<svg>missing</svg>");
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
  }
  EXPECT_EQ(renders, 3);
}

TEST_F(ResponseCacheTest, ARenderThatThrowsLeavesNothingBehind) {
  EXPECT_THROW(
      cache_.serve(get(), "k", 1, "", []() -> HttpResponse { throw std::runtime_error("boom"); }),
      std::runtime_error);
  EXPECT_EQ(serve(get(), 1, "fine").body, "fine");
}

TEST_F(ResponseCacheTest, ConcurrentRequestsRenderOnce) {
  constexpr int kThreads = 16;
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  std::vector<std::string> bodies(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      ++started;
      while (started < kThreads) std::this_thread::yield();
      bodies[i] = cache_
                      .serve(get(), "hot", 1, "",
                             [&] {
                               ++renders_;
                               // Hold the render so that the other threads pile up behind it.
                               std::this_thread::sleep_for(std::chrono::milliseconds(50));
                               return ok("rendered");
                             })
                      .body;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(renders_, 1);
  for (const auto& body : bodies) EXPECT_EQ(body, "rendered");
}

TEST_F(ResponseCacheTest, ConcurrentFailuresAreAnsweredWithoutACachedEntry) {
  constexpr int kThreads = 8;
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  std::vector<int> statuses(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      ++started;
      while (started < kThreads) std::this_thread::yield();
      statuses[i] = cache_
                        .serve(get(), "bad", 1, "",
                               [&] {
                                 std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                 HttpResponse response = ok("nope");
                                 response.status = 503;
                                 return response;
                               })
                        .status;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int status : statuses) EXPECT_EQ(status, 503);
}

TEST_F(ResponseCacheTest, StaysWithinItsSize) {
  ResponseCache small(32);
  int renders = 0;
  for (int i = 0; i < 1000; ++i) {
    small.serve(get(), "key" + std::to_string(i), 1, "", [&] {
      ++renders;
      return ok("x");
    });
  }
  EXPECT_EQ(renders, 1000);
  // Early keys were dropped to make room, so asking again renders again.
  int again = 0;
  for (int i = 0; i < 1000; ++i) {
    small.serve(get(), "key" + std::to_string(i), 1, "", [&] {
      ++again;
      return ok("x");
    });
  }
  EXPECT_GT(again, 900);
}

}  // namespace
}  // namespace vigil
