#pragma once

#include "core/heartbeat_board.hpp"
#include "core/live_status.hpp"
#include "probes/probe_registry.hpp"
#include "services/heartbeat_service.hpp"

namespace vigil {

//! The registry of every probe kind this binary ships (the one place that names them); HEARTBEAT
//! probes read `heartbeats`, GROUP probes read `live`.
ProbeRegistry make_probe_registry(const HeartbeatBoard& heartbeats, const LiveStatusSource& live);

//! True for manual (NONE) monitors with Kener's `overrideWithLastKnownStatus: true`.
bool repeats_last_status(const MonitorSpec& spec);

//! Reads the push credentials of HEARTBEAT monitors (for the push routes).
std::optional<HeartbeatKeys> heartbeat_keys(const MonitorSpec& spec);

}  // namespace vigil
