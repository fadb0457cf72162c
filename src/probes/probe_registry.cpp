#include "probes/probe_registry.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace vigil {
namespace {

constexpr std::string_view kManualType = "NONE";
// Kener's types that Vigil will run but does not yet.
constexpr std::array<std::string_view, 8> kPlannedTypes = {"PING",      "DNS",     "SSL",  "SQL",
                                                           "HEARTBEAT", "GAMEDIG", "GRPC", "GROUP"};

}  // namespace

void ProbeRegistry::add(ProbeKind kind) {
  auto same = [&](const ProbeKind& k) { return k.type == kind.type; };
  kinds_.erase(std::remove_if(kinds_.begin(), kinds_.end(), same), kinds_.end());
  kinds_.push_back(std::move(kind));
}

Result<std::unique_ptr<Probe>> ProbeRegistry::build(const MonitorSpec& spec) const {
  for (const auto& kind : kinds_) {
    if (kind.type == spec.monitor_type) return kind.build(spec);
  }
  std::string supported;
  for (const auto& type : types()) supported += (supported.empty() ? "" : ", ") + type;
  bool planned = std::find(kPlannedTypes.begin(), kPlannedTypes.end(), spec.monitor_type) !=
                 kPlannedTypes.end();
  std::string message = planned ? "monitor_type " + spec.monitor_type + " is not implemented yet"
                                : "unknown monitor_type " + spec.monitor_type;
  return Error{ErrorCode::kBadRequest, message + "; supported: " + supported};
}

std::optional<std::string> ProbeRegistry::check(const MonitorSpec& spec) const {
  if (spec.monitor_type == kManualType) return std::nullopt;
  auto probe = build(spec);
  if (probe) return std::nullopt;
  return probe.error().message;
}

void ProbeRegistry::prepare(MonitorSpec& spec, const MonitorSpec* previous) const {
  for (const auto& kind : kinds_) {
    if (kind.type == spec.monitor_type && kind.prepare) kind.prepare(spec, previous);
  }
}

std::vector<std::string> ProbeRegistry::types() const {
  std::vector<std::string> names{std::string(kManualType)};
  for (const auto& kind : kinds_) names.push_back(kind.type);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace vigil
