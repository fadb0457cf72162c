#include "core/status.hpp"

namespace vigil {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::kUp:
      return "UP";
    case Status::kDegraded:
      return "DEGRADED";
    case Status::kDown:
      return "DOWN";
    case Status::kMaintenance:
      return "MAINTENANCE";
    case Status::kNoData:
      return "NO_DATA";
  }
  return "NO_DATA";
}

std::optional<Status> parse_status(std::string_view text) {
  for (Status s : {Status::kUp, Status::kDegraded, Status::kDown, Status::kMaintenance,
                   Status::kNoData}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

int severity(Status status) {
  switch (status) {
    case Status::kNoData:
      return 0;
    case Status::kUp:
      return 1;
    case Status::kMaintenance:
      return 2;
    case Status::kDegraded:
      return 3;
    case Status::kDown:
      return 4;
  }
  return 0;
}

Status worst(Status a, Status b) { return severity(b) > severity(a) ? b : a; }

}  // namespace vigil
