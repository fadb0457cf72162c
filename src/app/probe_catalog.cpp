#include "app/probe_catalog.hpp"

#include "probes/api/api_probe.hpp"
#include "probes/dns/dns_probe.hpp"
#include "probes/gamedig/gamedig_probe.hpp"
#include "probes/group/group_probe.hpp"
#include "probes/grpc/grpc_probe.hpp"
#include "probes/heartbeat/heartbeat_probe.hpp"
#include "probes/ping/ping_probe.hpp"
#include "probes/sql/sql_probe.hpp"
#include "probes/ssl/ssl_probe.hpp"
#include "probes/tcp/tcp_probe.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {

ProbeRegistry make_probe_registry(const HeartbeatBoard& heartbeats, const LiveStatusSource& live) {
  ProbeRegistry registry;
  registry.add(api_probe_kind());
  registry.add(dns_probe_kind());
  registry.add(gamedig_probe_kind());
  registry.add(group_probe_kind(live));
  registry.add(grpc_probe_kind());
  registry.add(heartbeat_probe_kind(heartbeats));
  registry.add(ping_probe_kind());
  registry.add(sql_probe_kind());
  registry.add(ssl_probe_kind());
  registry.add(tcp_probe_kind());
  return registry;
}

std::optional<HeartbeatKeys> heartbeat_keys(const MonitorSpec& spec) {
  if (spec.monitor_type != "HEARTBEAT") return std::nullopt;
  auto settings = HeartbeatProbe::parse(spec.type_data);
  if (!settings) return std::nullopt;
  return HeartbeatKeys{settings->secret, settings->push_token};
}

bool repeats_last_status(const MonitorSpec& spec) {
  if (spec.monitor_type != "NONE") return false;
  auto reader = TypeDataReader::parse(spec.type_data);
  return reader && reader->boolean("overrideWithLastKnownStatus").value_or(false);
}

}  // namespace vigil
