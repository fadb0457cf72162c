#pragma once

#include <cstdint>
#include <span>

#include "probes/gamedig/game_query.hpp"

namespace vigil {

//! Minecraft Java Edition's Server List Ping over TCP: a handshake (next state 1) and a status
//! request, answered by one VarInt-framed packet holding the status JSON.
class MinecraftQuery final : public GameQuery {
 public:
  //! How much of a reply has arrived.
  enum class Frame { kIncomplete, kComplete, kMalformed };

  //! GameQuery: one status exchange on a fresh connection.
  void run(ProbeContext& ctx, const QueryTarget& target,
           std::function<void(QueryOutcome)> done) const override;
  //! Whether `received` holds a whole status packet; kMalformed for a bad or oversized length.
  static Frame frame_state(std::span<const std::uint8_t> received);
  //! Reads a complete status packet; kProtocol when it is not one.
  static QueryOutcome parse_status(std::span<const std::uint8_t> packet);
};

}  // namespace vigil
