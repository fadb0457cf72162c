#include <gtest/gtest.h>

#include <optional>
#include <string>

#include <sys/socket.h>

#include "fixture_server.hpp"
#include "game_tcp_responder.hpp"
#include "gamedig_test_support.hpp"
#include "loopback_socket.hpp"

namespace vigil {
namespace {

using testing::GameTcpResponder;
using testing::run_gamedig;

using namespace std::string_literals;

// Answers the first HTTP request with `reply`, byte for byte.
GameTcpResponder::Answer raw_http(std::string reply) {
  return [reply](const std::string& received) -> std::optional<std::string> {
    if (received.find("\r\n\r\n") == std::string::npos) return std::nullopt;
    return reply;
  };
}

std::string ok_with(const std::string& body, std::size_t content_length) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(content_length) + "\r\nConnection: close\r\n\r\n" + body;
}

TEST(GamedigFiveM, ReportsInfoAndPlayerCount) {
  testing::FixtureServer server;
  auto check = run_gamedig(testing::gamedig_type_data("gta5f", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details,
            "name=Vigil Roleplay; players=3/48; version=FXServer-master SERVER v1.0.0.7290 linux");
  EXPECT_GT(check.result.latency_ms, 0);
}

TEST(GamedigFiveM, HiddenPlayerListStillUp) {
  std::string info =
      R"({"server":"FXServer","vars":{"sv_projectName":"Quiet","sv_maxClients":"8"}})";
  GameTcpResponder server([&](const std::string& received) -> std::optional<std::string> {
    if (received.find("\r\n\r\n") == std::string::npos) return std::nullopt;
    if (received.starts_with("GET /info.json ")) return ok_with(info, info.size());
    return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"s;
  });
  auto check = run_gamedig(testing::gamedig_type_data("gta5f", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details, "name=Quiet; max_players=8; version=FXServer");
}

class GamedigFiveMMalformed : public ::testing::TestWithParam<std::string> {};

TEST_P(GamedigFiveMMalformed, IsAProtocolErrorWithoutWaitingForTheTimeout) {
  GameTcpResponder server(raw_http(GetParam()));
  auto check = run_gamedig(testing::gamedig_type_data("gta5f", server.port(), 5000));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kProtocol) << check.result.error_message;
  EXPECT_LT(check.elapsed_ms, 2000);
}

INSTANTIATE_TEST_SUITE_P(
    Replies, GamedigFiveMMalformed,
    ::testing::Values(ok_with(R"({"vars":{"sv_proj)", 500),          // truncated body
                      ok_with("", 50'000'000),                       // oversized length
                      ok_with("<html>not json</html>", 21),          // garbage body
                      ok_with(R"({"server":"no vars"})", 20),        // not FiveM's object
                      "\x13\x37 garbage that is not HTTP\r\n\r\n"s,  // not HTTP at all
                      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"s));

TEST(GamedigFiveM, SilentServerTimesOut) {
  GameTcpResponder server([](const std::string&) { return std::nullopt; });
  auto check = run_gamedig(testing::gamedig_type_data("gta5f", server.port(), 500));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(check.elapsed_ms, 450);
  EXPECT_LT(check.elapsed_ms, 3000);
}

TEST(GamedigFiveM, ClosedPortIsRefused) {
  auto check =
      run_gamedig(testing::gamedig_type_data("gta5f", testing::closed_loopback_port(SOCK_STREAM)));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kRefused) << check.result.error_message;
}

}  // namespace
}  // namespace vigil
