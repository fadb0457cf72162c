#pragma once

#include <optional>
#include <string>

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! The latest known status of one monitor.
struct LiveStatus {
  Status status = Status::kNoData;
  double latency_ms = 0;
  Millis at_ms = 0;        //!< when the shown observation's check started
  std::string type;        //!< Kener row type of the observation
  Millis observed_ms = 0;  //!< when the latest observation started, even one held back
};

//! Read access to the last status of every monitor (groups, badges and pages read it).
class LiveStatusSource {
 public:
  virtual ~LiveStatusSource() = default;
  //! The shown status of a monitor, if any was observed.
  virtual std::optional<LiveStatus> get(const std::string& tag) const = 0;
};

}  // namespace vigil
