#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <variant>
#include <vector>

#include "probes/gamedig/game_query.hpp"

namespace vigil {

//! After a reply: the next request to send, or how the query ended.
using UdpStep = std::variant<std::vector<std::uint8_t>, QueryOutcome>;

//! Reads one reply datagram and decides the next step.
using UdpReplyHandler = std::function<UdpStep(std::span<const std::uint8_t>)>;

//! Resolves `target`, sends `request` from a connected UDP socket (so an ICMP port unreachable
//! surfaces as kRefused) and hands each reply to `on_reply` until it returns an outcome or the
//! target's timeout passes (kTimeout). The outcome's latency is the last request's round trip.
void run_udp_conversation(ProbeContext& ctx, const QueryTarget& target,
                          std::vector<std::uint8_t> request, UdpReplyHandler on_reply,
                          std::function<void(QueryOutcome)> done);

}  // namespace vigil
