#include <gtest/gtest.h>

#include <optional>
#include <string>

#include <sys/socket.h>

#include "game_tcp_responder.hpp"
#include "gamedig_test_support.hpp"
#include "loopback_socket.hpp"

namespace vigil {
namespace {

using testing::GameTcpResponder;
using testing::run_gamedig;

using namespace std::string_literals;

std::string varint(std::uint32_t value) {
  std::string out;
  do {
    auto byte = static_cast<char>(value & 0x7F);
    value >>= 7;
    out += value != 0 ? static_cast<char>(byte | 0x80) : byte;
  } while (value != 0);
  return out;
}

std::string packet(const std::string& body) {
  return varint(static_cast<std::uint32_t>(body.size())) + body;
}

// wiki.vg Server List Ping: handshake (id 0, protocol version -1, address, port, next state 1),
// then the empty status request (id 0).
std::string expected_request(int port) {
  std::string handshake = "\x00"s + varint(0xFFFFFFFF) + varint(9) + "127.0.0.1" +
                          static_cast<char>(port >> 8) + static_cast<char>(port & 0xFF) + "\x01";
  return packet(handshake) + packet("\x00"s);
}

const std::string kStatusJson =
    R"({"version":{"name":"1.21.2","protocol":768},"players":{"max":100,"online":5,)"
    R"("sample":[{"name":"thinkofdeath","id":"4566e69f-c907-48ee-8d71-d7ba5aa00d20"}]},)"
    R"("description":{"text":"Hello, ","extra":[{"text":"\u00a7aworld!"}]},)"
    R"("favicon":"data:image/png;base64,AAAA","enforcesSecureChat":false})";

std::string status_response(const std::string& json) {
  return packet("\x00"s + varint(static_cast<std::uint32_t>(json.size())) + json);
}

// Answers with `reply` once the whole, correct request has arrived.
GameTcpResponder::Answer minecraft_server(int& port, std::string reply) {
  return [&port, reply](const std::string& received) -> std::optional<std::string> {
    if (received.size() < expected_request(port).size()) return std::nullopt;
    return received == expected_request(port) ? reply : "";
  };
}

TEST(GamedigMinecraft, ReportsMotdPlayersAndVersion) {
  int port = 0;
  GameTcpResponder server(minecraft_server(port, status_response(kStatusJson)));
  port = server.port();
  auto check = run_gamedig(testing::gamedig_type_data("minecraft", port));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_EQ(check.result.details, "name=Hello, world!; players=5/100; version=1.21.2");
  EXPECT_GT(check.result.latency_ms, 0);
}

TEST(GamedigMinecraft, ReadsAPlainStringDescriptionLongerThanOneRead) {
  int port = 0;
  std::string json = R"({"version":{"name":"Paper 1.20.4","protocol":765},"description":"A )" +
                     std::string(5000, 'x') + R"("})";
  GameTcpResponder server(minecraft_server(port, status_response(json)));
  port = server.port();
  auto check = run_gamedig(testing::gamedig_type_data("minecraft", port));
  EXPECT_EQ(check.result.status, Status::kUp) << check.result.error_message;
  EXPECT_NE(check.result.details.find("version=Paper 1.20.4"), std::string::npos);
  EXPECT_EQ(check.result.details.find("players="), std::string::npos);
}

class GamedigMinecraftMalformed : public ::testing::TestWithParam<std::string> {};

TEST_P(GamedigMinecraftMalformed, IsAProtocolErrorWithoutWaitingForTheTimeout) {
  int port = 0;
  GameTcpResponder server(minecraft_server(port, GetParam()));
  port = server.port();
  auto check = run_gamedig(testing::gamedig_type_data("minecraft", port, 5000));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kProtocol) << check.result.error_message;
  EXPECT_LT(check.elapsed_ms, 2000);
}

INSTANTIATE_TEST_SUITE_P(
    Replies, GamedigMinecraftMalformed,
    ::testing::Values(status_response(kStatusJson).substr(0, 40),  // truncated, then closed
                      ""s,                                         // closed without a word
                      varint(0x7FFFFFFF) + "\x00"s,                // oversized length prefix
                      "\xFF\xFF\xFF\xFF\xFF\xFF"s,                 // a VarInt longer than 5 bytes
                      packet("\x00"s + varint(100000) + "{}"),     // JSON longer than its packet
                      packet("\x01\x02"s),                         // wrong packet id
                      status_response("not json at all"),          //
                      status_response(R"(["an array"])"),          //
                      status_response(R"({"description":"no version"})"),  //
                      "\x13\x37 garbage that is not a packet \x00\xFF"s));

TEST(GamedigMinecraft, SilentServerTimesOut) {
  GameTcpResponder server([](const std::string&) { return std::nullopt; });
  auto check = run_gamedig(testing::gamedig_type_data("minecraft", server.port(), 500));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kTimeout);
  EXPECT_GE(check.elapsed_ms, 450);
  EXPECT_LT(check.elapsed_ms, 3000);
}

TEST(GamedigMinecraft, ClosedPortIsRefused) {
  auto check = run_gamedig(
      testing::gamedig_type_data("minecraft", testing::closed_loopback_port(SOCK_STREAM)));
  EXPECT_EQ(check.result.status, Status::kDown);
  EXPECT_EQ(check.result.error_kind, ErrorKind::kRefused) << check.result.error_message;
}

}  // namespace
}  // namespace vigil
