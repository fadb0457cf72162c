#include <sys/socket.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "game_udp_responder.hpp"
#include "gamedig_test_support.hpp"
#include "loopback_socket.hpp"

namespace vigil {
namespace {

using testing::GameUdpResponder;
using testing::run_gamedig;

using namespace std::string_literals;

// From Valve Developer Community, "Server queries": the A2S_INFO request (with its terminating
// zero), an S2C_CHALLENGE reply and the example Counter-Strike: Source info reply.
const std::string kRequest = "\xFF\xFF\xFF\xFFTSource Engine Query\0"s;
const std::string kChallenge = "\xFF\xFF\xFF\xFF\x41\x4A\x8F\x2B\x17"s;
const std::string kChallengeBytes = kChallenge.substr(5);
const std::string kInfo =
    "\xFF\xFF\xFF\xFF\x49\x02game2xs.com Counter-Strike Source #1\0de_dust\0cstrike\0"
    "Counter-Strike: Source\0\xF0\x00\x05\x10\x04\x64\x6C\x00\x00\x31.0.0.22\0"s;

// Answers like a current Source server: a challenge first, the info once the request carries it.
std::vector<std::string> challenging_server(const std::string& request) {
  if (request == kRequest) return {kChallenge};
  if (request == kRequest + kChallengeBytes) return {kInfo};
  return {};
}

TEST(GamedigA2s, AnswersTheChallengeAndReportsTheServer) {
  GameUdpResponder server(challenging_server);
  auto check = run_gamedig(testing::gamedig_type_data("csgo", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details,
            "name=game2xs.com Counter-Strike Source #1; map=de_dust; players=5/16; "
            "version=1.0.0.22");
  EXPECT_GT(check.result.latency_ms, 0);
  EXPECT_EQ(server.requests(), (std::vector<std::string>{kRequest, kRequest + kChallengeBytes}));
}

TEST(GamedigA2s, ReadsADirectAnswerWithoutChallenge) {
  GameUdpResponder server([](const std::string& request) {
    return request == kRequest ? std::vector<std::string>{kInfo} : std::vector<std::string>{};
  });
  auto check = run_gamedig(testing::gamedig_type_data("teamfortress2", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_NE(check.result.details.find("players=5/16"), std::string::npos);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(GamedigA2s, ReadsTheShipsExtraFields) {
  std::string ship =
      "\xFF\xFF\xFF\xFF\x49\x07Ship\0batavier\0ship\0The Ship\0\x60\x09\x02\x08\x00"
      "dl\x00\x00\x01\x02\x03"
      "1.0\0"s;  // mode, witnesses, duration before the version
  GameUdpResponder server([&](const std::string&) { return std::vector<std::string>{ship}; });
  auto check = run_gamedig(testing::gamedig_type_data("csgo", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details, "name=Ship; map=batavier; players=2/8; version=1.0");
}

struct MalformedCase {
  const char* label;
  std::string reply;
};

class GamedigA2sMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(GamedigA2sMalformed, IsAProtocolErrorWithoutWaitingForTheTimeout) {
  std::string reply = GetParam().reply;
  GameUdpResponder server([&](const std::string&) { return std::vector<std::string>{reply}; });
  auto check = run_gamedig(testing::gamedig_type_data("csgo", server.port(), 5000));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kProtocol) << check.result.error_message;
  EXPECT_FALSE(check.result.error_message.empty());
  EXPECT_LT(check.elapsed_ms, 2000);
}

INSTANTIATE_TEST_SUITE_P(
    Replies, GamedigA2sMalformed,
    ::testing::Values(MalformedCase{"truncated_in_name", kInfo.substr(0, 20)},
                      MalformedCase{"truncated_before_version", kInfo.substr(0, kInfo.size() - 9)},
                      MalformedCase{"header_only", "\xFF\xFF\xFF\xFF"s},
                      MalformedCase{"short_header", "\xFF\xFF"s},
                      MalformedCase{"truncated_challenge", kChallenge.substr(0, 7)},
                      MalformedCase{"wrong_header", "\x01\x02\x03\x04" + kInfo.substr(4)},
                      MalformedCase{"unknown_type", "\xFF\xFF\xFF\xFF\x7A\x01\x02"s},
                      MalformedCase{"split_packet", "\xFE\xFF\xFF\xFF\x01\x00\x00\x00\x02\x00"s},
                      MalformedCase{"garbage", "\x13\x37 garbage \x00\xFF\xFE bytes"s},
                      MalformedCase{"endless_challenges", kChallenge}),
    [](const auto& info) { return std::string(info.param.label); });

TEST(GamedigA2s, SilentServerTimesOut) {
  GameUdpResponder server([](const std::string&) { return std::vector<std::string>{}; });
  auto check = run_gamedig(testing::gamedig_type_data("csgo", server.port(), 500));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(check.elapsed_ms, 450);
  EXPECT_LT(check.elapsed_ms, 3000);
}

TEST(GamedigA2s, ClosedPortIsRefused) {
  int port = testing::closed_loopback_port(SOCK_DGRAM);
  auto check = run_gamedig(testing::gamedig_type_data("csgo", port));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kRefused) << check.result.error_message;
}

}  // namespace
}  // namespace vigil
