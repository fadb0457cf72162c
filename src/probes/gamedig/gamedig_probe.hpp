#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "probes/gamedig/game_query.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's GAMEDIG monitor: asks a game server about itself with the query protocol its game
//! speaks (Valve A2S, Minecraft Server List Ping, Quake 3 getstatus, FiveM info.json); UP when
//! it answers with a well-formed reply, latency the query's round trip.
class GamedigProbe final : public Probe {
 public:
  //! The query protocols Vigil speaks.
  enum class Protocol { kA2s, kMinecraft, kQuake3, kFiveM };

  //! Kener's GAMEDIG type_data, validated.
  struct Settings {
    std::string game_id;                 //!< GameDig's id, e.g. "csgo"
    Protocol protocol = Protocol::kA2s;  //!< chosen by game_id
    QueryTarget target;                  //!< host, port (default per protocol), timeout
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings`.
  explicit GamedigProbe(Settings settings);
  //! Probe: runs the game's query and reports what the server said.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  Settings settings_;
  std::unique_ptr<GameQuery> query_;
};

//! The GAMEDIG kind for the registry.
ProbeKind gamedig_probe_kind();

}  // namespace vigil
