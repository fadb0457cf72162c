#include "probes/gamedig/gamedig_probe.hpp"

#include <algorithm>
#include <optional>

#include "probes/gamedig/a2s_query.hpp"
#include "probes/gamedig/fivem_query.hpp"
#include "probes/gamedig/game_table.hpp"
#include "probes/gamedig/minecraft_query.hpp"
#include "probes/gamedig/quake3_query.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

constexpr long kMinTimeoutMs = 500;
constexpr long kMaxTimeoutMs = 5 * 60 * 1000;
constexpr int kKenerDefaultPort = 27015;

using Protocol = GamedigProbe::Protocol;

//! A game id that does not use A2S but one of the other protocols, with its usual port.
struct NamedGame {
  std::string_view id;
  Protocol protocol;
  int default_port;
};

constexpr NamedGame kNamedGames[] = {
    {"minecraft", Protocol::kMinecraft, 25565},
    {"q3a", Protocol::kQuake3, 27960},
    {"gta5f", Protocol::kFiveM, 30120},
};

std::size_t valve_game_count() {
  auto games = known_games();
  return static_cast<std::size_t>(
      std::count_if(games.begin(), games.end(), [](const GameEntry& game) { return game.valve; }));
}

std::string supported_list() {
  std::string list = "A2S games (" + std::to_string(valve_game_count()) + " ids)";
  for (const NamedGame& game : kNamedGames) list += ", " + std::string(game.id);
  return list;
}

// The protocol and default port of a known id; a problem for unknown or unsupported ones.
std::optional<NamedGame> protocol_of(TypeDataReader& reader, const std::string& id) {
  auto games = known_games();
  auto game = std::find_if(games.begin(), games.end(),
                           [&](const GameEntry& entry) { return entry.id == id; });
  if (game == games.end()) {
    reader.fail("gameId", "unknown gameId \"" + id + "\"");
    return std::nullopt;
  }
  if (game->valve) return NamedGame{game->id, Protocol::kA2s, kKenerDefaultPort};
  for (const NamedGame& named : kNamedGames) {
    if (named.id == id) return named;
  }
  reader.fail("gameId", "gameId " + id + " is not supported yet; supported: " + supported_list());
  return std::nullopt;
}

std::unique_ptr<GameQuery> make_query(Protocol protocol) {
  switch (protocol) {
    case Protocol::kMinecraft:
      return std::make_unique<MinecraftQuery>();
    case Protocol::kQuake3:
      return std::make_unique<Quake3Query>();
    case Protocol::kFiveM:
      return std::make_unique<FiveMQuery>();
    case Protocol::kA2s:
      break;
  }
  return std::make_unique<A2sQuery>();
}

// A value fit for the "key=value; key=value" details: no separators, no control characters.
std::string clean(std::string_view value) {
  std::string text(value);
  for (char& c : text) {
    if (c == ';') c = ',';
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return text;
}

std::string details_of(const ServerFacts& facts) {
  std::string details;
  auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!details.empty()) details += "; ";
    details += std::string(key) + "=" + clean(value);
  };
  add("name", facts.name);
  add("map", facts.map);
  if (facts.players) {
    add("players", std::to_string(*facts.players) +
                       (facts.max_players ? "/" + std::to_string(*facts.max_players) : ""));
  } else if (facts.max_players) {
    add("max_players", std::to_string(*facts.max_players));
  }
  add("version", facts.version);
  return details;
}

}  // namespace

Result<GamedigProbe::Settings> GamedigProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  std::optional<NamedGame> game;
  if (auto id = reader->string("gameId", true)) {
    settings.game_id = *id;
    game = protocol_of(*reader, *id);
  }
  if (game) settings.protocol = game->protocol;
  auto host = reader->string("host", true);
  if (host && host->empty()) reader->fail("host", "must not be empty");
  settings.target.host = host.value_or("");
  if (settings.target.host.size() > 2 && settings.target.host.front() == '[' &&
      settings.target.host.back() == ']') {
    settings.target.host = settings.target.host.substr(1, settings.target.host.size() - 2);
  }
  settings.target.port = static_cast<int>(
      reader->integer("port", 1, 65535).value_or(game ? game->default_port : kKenerDefaultPort));
  settings.target.timeout_ms =
      reader->integer("timeout", kMinTimeoutMs, kMaxTimeoutMs).value_or(settings.target.timeout_ms);
  // Accepted for Kener compatibility; Vigil always queries the given port, reads no rules and
  // runs no JavaScript evaluator.
  reader->ignore("guessPort");
  reader->ignore("requestRules");
  reader->ignore("eval");
  if (auto error = reader->finish()) return *error;
  return settings;
}

GamedigProbe::GamedigProbe(Settings settings)
    : settings_(std::move(settings)), query_(make_query(settings_.protocol)) {}

void GamedigProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  query_->run(ctx, settings_.target, [done = std::move(done)](QueryOutcome outcome) {
    CheckResult result;
    if (outcome.error == ErrorKind::kNone) {
      result.status = Status::kUp;
      result.latency_ms = outcome.latency_ms;
      result.phases.total_ms = outcome.latency_ms;
      result.details = details_of(outcome.facts);
    } else {
      result.status = Status::kDown;
      result.error_kind = outcome.error;
      result.error_message = std::move(outcome.message);
    }
    done(std::move(result));
  });
}

ProbeKind gamedig_probe_kind() {
  return parsed_probe_kind<GamedigProbe>("GAMEDIG");
}

}  // namespace vigil
