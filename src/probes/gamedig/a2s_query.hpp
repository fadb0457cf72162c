#pragma once

#include <cstdint>
#include <span>

#include "probes/gamedig/game_query.hpp"

namespace vigil {

//! Valve's A2S_INFO over UDP, answering an S2C_CHALLENGE (0x41) by repeating the request with
//! the challenge appended; reads Source (0x49) and GoldSource (0x6D) info replies.
class A2sQuery final : public GameQuery {
 public:
  //! GameQuery: one A2S_INFO exchange.
  void run(ProbeContext& ctx, const QueryTarget& target,
           std::function<void(QueryOutcome)> done) const override;
  //! Reads an info reply (single packet, header included); kProtocol when it is not one.
  static QueryOutcome parse_info(std::span<const std::uint8_t> reply);
};

}  // namespace vigil
