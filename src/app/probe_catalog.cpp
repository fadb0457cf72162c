#include "app/probe_catalog.hpp"

#include "probes/api/api_probe.hpp"
#include "probes/tcp/tcp_probe.hpp"

namespace vigil {

ProbeRegistry make_probe_registry() {
  ProbeRegistry registry;
  registry.add(api_probe_kind());
  registry.add(tcp_probe_kind());
  return registry;
}

}  // namespace vigil
