#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace vigil {

//! How an incident or a maintenance affects one monitor (Kener's {monitor_tag, impact}).
struct MonitorImpact {
  std::string monitor_tag;        //!< the monitor affected
  Status impact = Status::kDown;  //!< the status it takes

  //! Field-wise equality.
  bool operator==(const MonitorImpact&) const = default;
};

//! Checks a list of impacts: valid tags, no tag twice, each impact one of `allowed`; returns
//! "monitors: problem" lines.
std::vector<std::string> validate_monitor_impacts(const std::vector<MonitorImpact>& monitors,
                                                  std::initializer_list<Status> allowed);

//! Orders impacts by monitor tag, the order in which they are stored and shown.
void sort_by_tag(std::vector<MonitorImpact>& monitors);

}  // namespace vigil
