#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/monitor_spec.hpp"

namespace vigil {

//! Knows which monitor types exist and whether a monitor's type_data is valid for its type.
class MonitorTypeCatalog {
 public:
  virtual ~MonitorTypeCatalog() = default;
  //! nullopt when the monitor's type and type_data are acceptable; otherwise why not
  //! (an unknown or not-yet-implemented type says so and lists the supported ones).
  virtual std::optional<std::string> check(const MonitorSpec& spec) const = 0;
  //! Fills values the type generates itself (e.g. a push token) before a monitor is validated
  //! and stored; `previous` is the stored version when the monitor is being updated.
  virtual void prepare(MonitorSpec& spec, const MonitorSpec* previous) const = 0;
  //! A copy of the monitor fit to show: secrets in type_data masked. prepare() restores a masked
  //! secret sent back unchanged from the stored version.
  virtual MonitorSpec redact(const MonitorSpec& spec) const = 0;
  //! Tags of the monitors this one reads (a group's members); empty for most types.
  virtual std::vector<std::string> dependencies(const MonitorSpec& spec) const = 0;
};

}  // namespace vigil
