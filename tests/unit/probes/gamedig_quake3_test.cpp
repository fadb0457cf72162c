#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <sys/socket.h>

#include "game_udp_responder.hpp"
#include "gamedig_test_support.hpp"
#include "loopback_socket.hpp"

namespace vigil {
namespace {

using testing::GameUdpResponder;
using testing::run_gamedig;

using namespace std::string_literals;

const std::string kRequest = "\xFF\xFF\xFF\xFFgetstatus"s;
// A statusResponse as ioquake3 sends it: server variables, then one line per player.
const std::string kStatus =
    "\xFF\xFF\xFF\xFFstatusResponse\n"
    "\\sv_hostname\\^1Vigil ^7Arena\\mapname\\q3dm17\\sv_maxclients\\16\\version\\ioq3 1.36_GIT "
    "linux-x86_64\\g_gametype\\0\\protocol\\68\n"
    "5 48 \"Doom\"\n"
    "12 32 \"^2Visor\"\n"
    "0 0 \"Sarge\"\n"s;

std::vector<std::string> quake3_server(const std::string& request) {
  return request == kRequest ? std::vector<std::string>{kStatus} : std::vector<std::string>{};
}

TEST(GamedigQuake3, ReportsServerVariablesAndPlayers) {
  GameUdpResponder server(quake3_server);
  auto check = run_gamedig(testing::gamedig_type_data("q3a", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details,
            "name=Vigil Arena; map=q3dm17; players=3/16; version=ioq3 1.36_GIT linux-x86_64");
  EXPECT_GT(check.result.latency_ms, 0);
}

TEST(GamedigQuake3, EmptyServerHasNoPlayers) {
  std::string empty = "\xFF\xFF\xFF\xFFstatusResponse\n\\sv_hostname\\Empty\\sv_maxclients\\8\n"s;
  GameUdpResponder server([&](const std::string&) { return std::vector<std::string>{empty}; });
  auto check = run_gamedig(testing::gamedig_type_data("q3a", server.port()));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details, "name=Empty; players=0/8");
}

class GamedigQuake3Malformed : public ::testing::TestWithParam<std::string> {};

TEST_P(GamedigQuake3Malformed, IsAProtocolErrorWithoutWaitingForTheTimeout) {
  std::string reply = GetParam();
  GameUdpResponder server([&](const std::string&) { return std::vector<std::string>{reply}; });
  auto check = run_gamedig(testing::gamedig_type_data("q3a", server.port(), 5000));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kProtocol) << check.result.error_message;
  EXPECT_LT(check.elapsed_ms, 2000);
}

INSTANTIATE_TEST_SUITE_P(
    Replies, GamedigQuake3Malformed,
    ::testing::Values(kStatus.substr(0, 10),                  // cut inside the header
                      kStatus.substr(0, kStatus.size() - 4),  // cut inside the last player
                      "\xFF\xFF\xFF\xFFstatusResponse\n\\sv_hostname\\a\\mapname\n"s,  // key alone
                      "\xFF\xFF\xFF\xFFstatusResponse\nsv_hostname\n"s,  // no leading backslash
                      "\xFF\xFF\xFF\xFFstatusResponse\n\\a\\b\nnot a player\n"s,
                      "\xFF\xFF\xFF\xFFprint\nbad request\n"s,  // wrong reply type
                      "\x00\x13\x37 garbage"s));

TEST(GamedigQuake3, SilentServerTimesOut) {
  GameUdpResponder server([](const std::string&) { return std::vector<std::string>{}; });
  auto check = run_gamedig(testing::gamedig_type_data("q3a", server.port(), 500));
  EXPECT_EQ(check.result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(check.elapsed_ms, 450);
  EXPECT_LT(check.elapsed_ms, 3000);
}

TEST(GamedigQuake3, ClosedPortIsRefused) {
  auto check =
      run_gamedig(testing::gamedig_type_data("q3a", testing::closed_loopback_port(SOCK_DGRAM)));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kRefused) << check.result.error_message;
}

}  // namespace
}  // namespace vigil
