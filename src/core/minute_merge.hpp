#pragma once

#include <optional>

#include "core/status.hpp"

namespace vigil {

//! The four layers that decide a minute's status (Kener's model), later ones winning.
struct MinuteLayers {
  std::optional<Status> default_status;  //!< the monitor's default_status
  std::optional<Status> check;           //!< the stored check/manual status (NO_DATA = absent)
  std::optional<Status> incident;        //!< impact of an open incident on this monitor
  std::optional<Status> maintenance;     //!< impact of an ongoing maintenance event
};

//! Merges the layers: default → check → incident → maintenance; NO_DATA when all are empty.
Status merge_minute(const MinuteLayers& layers);

}  // namespace vigil
