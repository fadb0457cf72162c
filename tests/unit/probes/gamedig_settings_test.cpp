#include <gtest/gtest.h>

#include <string>

#include "core/monitor_spec.hpp"
#include "probes/gamedig/gamedig_probe.hpp"

namespace vigil {
namespace {

using Protocol = GamedigProbe::Protocol;

std::string parse_error(const std::string& type_data) {
  auto settings = GamedigProbe::parse(type_data);
  return settings.ok() ? "" : settings.error().message;
}

TEST(GamedigSettings, KenerDefaultsAndIgnoredFields) {
  auto settings = GamedigProbe::parse(
      R"({"gameId":"csgo","host":"play.example.com","guessPort":true,"requestRules":false,)"
      R"js("eval":"(async function (r) { return {status: true} })"})js");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->protocol, Protocol::kA2s);
  EXPECT_EQ(settings->target.host, "play.example.com");
  EXPECT_EQ(settings->target.port, 27015);
  EXPECT_EQ(settings->target.timeout_ms, 10000);
}

TEST(GamedigSettings, EachProtocolHasItsUsualPort) {
  struct Case {
    const char* id;
    Protocol protocol;
    int port;
  };
  for (Case c : {Case{"minecraft", Protocol::kMinecraft, 25565},
                 Case{"q3a", Protocol::kQuake3, 27960}, Case{"gta5f", Protocol::kFiveM, 30120},
                 Case{"rust", Protocol::kA2s, 27015}, Case{"sdtd", Protocol::kA2s, 27015}}) {
    auto settings = GamedigProbe::parse(R"({"gameId":")" + std::string(c.id) + R"(","host":"h"})");
    ASSERT_TRUE(settings.ok()) << c.id << ": " << settings.error().message;
    EXPECT_EQ(settings->protocol, c.protocol) << c.id;
    EXPECT_EQ(settings->target.port, c.port) << c.id;
  }
}

TEST(GamedigSettings, ExplicitPortTimeoutAndBracketedIpv6) {
  auto settings =
      GamedigProbe::parse(R"({"gameId":"minecraft","host":"[::1]","port":25570,"timeout":750})");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->target.host, "::1");
  EXPECT_EQ(settings->target.port, 25570);
  EXPECT_EQ(settings->target.timeout_ms, 750);
}

TEST(GamedigSettings, MissingFieldsAreAllReported) {
  std::string error = parse_error("{}");
  EXPECT_NE(error.find("type_data.gameId"), std::string::npos) << error;
  EXPECT_NE(error.find("type_data.host"), std::string::npos) << error;
}

TEST(GamedigSettings, UnknownGameId) {
  EXPECT_NE(parse_error(R"({"gameId":"pong2077","host":"h"})").find("unknown gameId"),
            std::string::npos);
}

TEST(GamedigSettings, UnsupportedGameNamesTheSupportedOnes) {
  std::string error = parse_error(R"({"gameId":"aaa","host":"h"})");
  EXPECT_NE(error.find("gameId aaa is not supported yet; supported: A2S games (137 ids), "
                       "minecraft, q3a, gta5f"),
            std::string::npos)
      << error;
}

TEST(GamedigSettings, RejectsBadValuesAndUnknownKeys) {
  std::string error =
      parse_error(R"({"gameId":"csgo","host":"","port":70000,"timeout":100,"colour":"red"})");
  for (const char* field :
       {"type_data.host", "type_data.port", "type_data.timeout", "type_data.colour"}) {
    EXPECT_NE(error.find(field), std::string::npos) << field << " in " << error;
  }
  EXPECT_NE(parse_error("[1,2]"), "");
}

TEST(GamedigSettings, KindIsNamedGamedigAndBuildsProbes) {
  ProbeKind kind = gamedig_probe_kind();
  EXPECT_EQ(kind.type, "GAMEDIG");
  MonitorSpec spec;
  spec.monitor_type = "GAMEDIG";
  spec.type_data = R"({"gameId":"q3a","host":"127.0.0.1"})";
  EXPECT_TRUE(kind.build(spec).ok());
  spec.type_data = R"({"gameId":"q3a"})";
  EXPECT_FALSE(kind.build(spec).ok());
}

}  // namespace
}  // namespace vigil
