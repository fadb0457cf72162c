#pragma once

#include <cstdint>
#include <span>

#include "probes/gamedig/game_query.hpp"

namespace vigil {

//! Quake 3's `getstatus` over UDP: a `statusResponse` with \key\value server variables and one
//! `score ping "name"` line per player.
class Quake3Query final : public GameQuery {
 public:
  //! GameQuery: one getstatus exchange.
  void run(ProbeContext& ctx, const QueryTarget& target,
           std::function<void(QueryOutcome)> done) const override;
  //! Reads a statusResponse datagram; kProtocol when it is not one.
  static QueryOutcome parse_status(std::span<const std::uint8_t> reply);
};

}  // namespace vigil
