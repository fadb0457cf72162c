#pragma once

#include <optional>
#include <string_view>

namespace vigil {

//! The state of a monitor in one check, one minute or over a page.
enum class Status { kUp, kDegraded, kDown, kMaintenance, kNoData };

//! Kener's spelling: UP, DEGRADED, DOWN, MAINTENANCE, NO_DATA.
std::string_view to_string(Status status);

//! Parses Kener's spelling (case-sensitive); nullopt for anything else.
std::optional<Status> parse_status(std::string_view text);

//! Worst-wins rank: DOWN > DEGRADED > MAINTENANCE > UP > NO_DATA.
int severity(Status status);

//! The worse of two statuses by `severity`.
Status worst(Status a, Status b);

}  // namespace vigil
