#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

namespace vigil {
namespace {

HttpRequest request(std::string method, std::string target) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.path = r.target.substr(0, r.target.find('?'));
  return r;
}

// A handler answering with its own name and the parameters it got, e.g. "one tag=web".
RouteHandler named(std::string name) {
  return [name](const HttpRequest&, const PathParams& params) {
    std::string body = name;
    for (const auto& [key, value] : params) body += " " + key + "=" + value;
    return HttpResponse::json(200, body);
  };
}

std::string error_code(const HttpResponse& response) {
  return std::string(boost::json::parse(response.body).at("error").at("code").as_string());
}

std::string allow_header(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Allow") return value;
  }
  return "";
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.add("GET", "/", named("root"));
    router_.add("GET", "/api/v4/monitors", named("list"));
    router_.add("POST", "/api/v4/monitors", named("create"));
    router_.add("GET", "/api/v4/monitors/{tag}", named("one"));
    router_.add("GET", "/api/v4/monitors/{tag}/data/{timestamp}", named("data"));
    router_.add("DELETE", "/api/v4/monitors/{tag}", named("delete"));
  }

  std::string body_of(std::string method, std::string target) {
    const auto response = router_.dispatch(request(std::move(method), std::move(target)));
    EXPECT_EQ(response.status, 200) << response.body;
    return response.body;
  }

  Router router_;
};

TEST_F(RouterTest, MatchesRoutesAndExtractsParameters) {
  struct Case {
    std::string method, target, body;
  };
  const std::vector<Case> cases = {
      {"GET", "/", "root"},
      {"GET", "/api/v4/monitors", "list"},
      {"POST", "/api/v4/monitors", "create"},
      {"GET", "/api/v4/monitors/web", "one tag=web"},
      {"DELETE", "/api/v4/monitors/web", "delete tag=web"},
      {"GET", "/api/v4/monitors/web/data/1700000000", "data tag=web timestamp=1700000000"},
      {"GET", "/api/v4/monitors?page=2", "list"},
  };
  for (const auto& c : cases) EXPECT_EQ(body_of(c.method, c.target), c.body) << c.target;
}

TEST_F(RouterTest, ParameterValuesArePercentDecoded) {
  EXPECT_EQ(body_of("GET", "/api/v4/monitors/my%20site%2Fhome"), "one tag=my site/home");
}

TEST_F(RouterTest, TrailingSlashIsTolerated) {
  EXPECT_EQ(body_of("GET", "/api/v4/monitors/"), "list");
  EXPECT_EQ(body_of("GET", "/api/v4/monitors/web/"), "one tag=web");
}

TEST(Router, LiteralSegmentsWinOverParametersWhateverTheOrder) {
  Router router;
  router.add("GET", "/monitors/{tag}", named("param"));
  router.add("GET", "/monitors/summary", named("literal"));
  router.add("GET", "/{page}/incidents", named("page-incidents"));
  router.add("GET", "/monitors/{tag}/incidents", named("monitor-incidents"));
  EXPECT_EQ(router.dispatch(request("GET", "/monitors/summary")).body, "literal");
  EXPECT_EQ(router.dispatch(request("GET", "/monitors/web")).body, "param tag=web");
  EXPECT_EQ(router.dispatch(request("GET", "/monitors/x/incidents")).body,
            "monitor-incidents tag=x");
  EXPECT_EQ(router.dispatch(request("GET", "/home/incidents")).body, "page-incidents page=home");
}

TEST_F(RouterTest, UnknownPathIs404InErrorShape) {
  for (const char* target : {"/nope", "/api/v4/monitors/web/extra", "/api"}) {
    const auto response = router_.dispatch(request("GET", target));
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(error_code(response), "NOT_FOUND");
  }
}

TEST_F(RouterTest, OtherMethodIs405WithAllowHeader) {
  const auto response = router_.dispatch(request("PUT", "/api/v4/monitors/web"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(error_code(response), "METHOD_NOT_ALLOWED");
  EXPECT_EQ(allow_header(response), "GET, HEAD, DELETE");

  const auto list = router_.dispatch(request("DELETE", "/api/v4/monitors"));
  EXPECT_EQ(list.status, 405);
  EXPECT_EQ(allow_header(list), "GET, HEAD, POST");
}

TEST_F(RouterTest, HeadIsServedByGetHandler) {
  EXPECT_EQ(body_of("HEAD", "/api/v4/monitors/web"), "one tag=web");
}

TEST(Router, ThrowingHandlerIs500WithoutLeakingTheMessage) {
  Router router;
  router.add("GET", "/boom", [](const HttpRequest&, const PathParams&) -> HttpResponse {
    throw std::runtime_error("secret database password");
  });
  const auto response = router.dispatch(request("GET", "/boom"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(error_code(response), "INTERNAL_ERROR");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
}

TEST_F(RouterTest, MalformedEncodingIs400) {
  const auto response = router_.dispatch(request("GET", "/api/v4/monitors/%zz"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(error_code(response), "BAD_REQUEST");
}

TEST(Router, WorksOnRequestsWithOnlyAPath) {
  Router router;
  router.add("GET", "/monitors/{tag}", named("one"));
  HttpRequest only_path;
  only_path.method = "GET";
  only_path.path = "/monitors/100%";
  EXPECT_EQ(router.dispatch(only_path).body, "one tag=100%");
}

}  // namespace
}  // namespace vigil
