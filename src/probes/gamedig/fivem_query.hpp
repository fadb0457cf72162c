#pragma once

#include <string_view>

#include "probes/gamedig/game_query.hpp"

namespace vigil {

//! FiveM (Cfx.re) over HTTP through the shared curl engine: `GET /info.json` for the server's
//! name, version and slots, then `GET /players.json` for the player count when the server
//! publishes it.
class FiveMQuery final : public GameQuery {
 public:
  //! GameQuery: info.json, then players.json.
  void run(ProbeContext& ctx, const QueryTarget& target,
           std::function<void(QueryOutcome)> done) const override;
  //! Reads info.json's body; kProtocol when it is not the object FiveM serves.
  static QueryOutcome parse_info(std::string_view body);
};

}  // namespace vigil
