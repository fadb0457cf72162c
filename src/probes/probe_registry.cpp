#include "probes/probe_registry.hpp"

#include <algorithm>
#include <string_view>

namespace vigil {
namespace {

constexpr std::string_view kManualType = "NONE";

}  // namespace

void ProbeRegistry::add(ProbeKind kind) {
  auto same = [&](const ProbeKind& k) { return k.type == kind.type; };
  kinds_.erase(std::remove_if(kinds_.begin(), kinds_.end(), same), kinds_.end());
  kinds_.push_back(std::move(kind));
}

const ProbeKind* ProbeRegistry::find(const std::string& type) const {
  for (const auto& kind : kinds_) {
    if (kind.type == type) return &kind;
  }
  return nullptr;
}

Result<std::unique_ptr<Probe>> ProbeRegistry::build(const MonitorSpec& spec) const {
  if (const ProbeKind* kind = find(spec.monitor_type)) return kind->build(spec);
  std::string supported;
  for (const auto& type : types()) supported += (supported.empty() ? "" : ", ") + type;
  return Error{ErrorCode::kBadRequest,
               "unknown monitor_type " + spec.monitor_type + "; supported: " + supported};
}

std::optional<std::string> ProbeRegistry::check(const MonitorSpec& spec) const {
  if (spec.monitor_type == kManualType) return std::nullopt;
  auto probe = build(spec);
  if (probe) return std::nullopt;
  return probe.error().message;
}

void ProbeRegistry::prepare(MonitorSpec& spec, const MonitorSpec* previous) const {
  const ProbeKind* kind = find(spec.monitor_type);
  if (kind && kind->prepare) kind->prepare(spec, previous);
}

MonitorSpec ProbeRegistry::redact(const MonitorSpec& spec) const {
  const ProbeKind* kind = find(spec.monitor_type);
  return kind && kind->redact ? kind->redact(spec) : spec;
}

std::vector<std::string> ProbeRegistry::dependencies(const MonitorSpec& spec) const {
  const ProbeKind* kind = find(spec.monitor_type);
  return kind && kind->dependencies ? kind->dependencies(spec) : std::vector<std::string>{};
}

std::vector<std::string> ProbeRegistry::types() const {
  std::vector<std::string> names{std::string(kManualType)};
  for (const auto& kind : kinds_) names.push_back(kind.type);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace vigil
