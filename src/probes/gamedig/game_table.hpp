#pragma once

#include <span>
#include <string_view>

namespace vigil {

//! One of GameDig's game ids, as Kener lists them.
struct GameEntry {
  std::string_view id;    //!< GameDig's id, e.g. "csgo"
  std::string_view name;  //!< display name
  bool valve = false;     //!< answers Valve's A2S queries
};

//! Every game id Kener offers (generated from kener-games-list.json), in its order.
std::span<const GameEntry> known_games();

}  // namespace vigil
