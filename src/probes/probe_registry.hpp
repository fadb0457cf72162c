#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/monitor_type_catalog.hpp"
#include "probes/probe.hpp"

namespace vigil {

//! A monitor type's name and the factory that turns a monitor's type_data into a probe.
struct ProbeKind {
  std::string type;  //!< e.g. "API"
  //! Parses and validates type_data; the error names the bad field.
  std::function<Result<std::unique_ptr<Probe>>(const MonitorSpec&)> build;
  //! Optional: fills generated type_data values before validation (see MonitorTypeCatalog).
  std::function<void(MonitorSpec& spec, const MonitorSpec* previous)> prepare = nullptr;
  //! Optional: masks secrets in type_data for display (see MonitorTypeCatalog).
  std::function<MonitorSpec(const MonitorSpec& spec)> redact = nullptr;
  //! Optional: the tags of the monitors a monitor of this kind reads (see MonitorTypeCatalog).
  std::function<std::vector<std::string>(const MonitorSpec& spec)> dependencies = nullptr;
};

//! A ProbeKind that parses type_data with `P::parse` and builds each probe with
//! `make(settings, spec)`, which returns Result<std::unique_ptr<Probe>>: the shape every kind
//! shares.
template <class P, class Make>
ProbeKind parsed_probe_kind(std::string type, Make make) {
  return ProbeKind{
      std::move(type),
      [make = std::move(make)](const MonitorSpec& spec) -> Result<std::unique_ptr<Probe>> {
        auto settings = P::parse(spec.type_data);
        if (!settings) return settings.error();
        return make(std::move(*settings), spec);
      }};
}

//! The same, for probes built as `P(settings)`.
template <class P>
ProbeKind parsed_probe_kind(std::string type) {
  return parsed_probe_kind<P>(std::move(type), [](auto settings, const MonitorSpec&) {
    return Result<std::unique_ptr<Probe>>(std::make_unique<P>(std::move(settings)));
  });
}

//! Every probe kind the binary knows, registered explicitly by the composition root.
class ProbeRegistry final : public MonitorTypeCatalog {
 public:
  //! Adds a kind (replacing one of the same name).
  void add(ProbeKind kind);
  //! Builds the probe for a monitor; kBadRequest for an unknown type or bad type_data.
  Result<std::unique_ptr<Probe>> build(const MonitorSpec& spec) const;
  //! MonitorTypeCatalog: NONE is always accepted; other types must build.
  std::optional<std::string> check(const MonitorSpec& spec) const override;
  //! MonitorTypeCatalog: runs the kind's prepare step, if it has one.
  void prepare(MonitorSpec& spec, const MonitorSpec* previous) const override;
  //! MonitorTypeCatalog: the kind's redaction, if it has one.
  MonitorSpec redact(const MonitorSpec& spec) const override;
  //! MonitorTypeCatalog: the kind's dependencies, if it declares any.
  std::vector<std::string> dependencies(const MonitorSpec& spec) const override;
  //! Registered type names, plus NONE, sorted.
  std::vector<std::string> types() const;

 private:
  const ProbeKind* find(const std::string& type) const;

  std::vector<ProbeKind> kinds_;
};

}  // namespace vigil
