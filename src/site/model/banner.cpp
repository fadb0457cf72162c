#include "site/model/banner.hpp"

#include "core/bucket.hpp"

namespace vigil {
namespace {

//! True when `part` is at least kMajorSharePercent of `whole` (exact integer arithmetic).
bool is_major(std::int64_t part, std::int64_t whole) {
  return part * 100 >= whole * kMajorSharePercent;
}

}  // namespace

Banner make_banner(std::span<const Status> statuses) {
  StatusCounts counts;
  for (Status status : statuses) counts.add(status);
  const std::int64_t total = counts.total();
  const Status worst = counts.worst();
  switch (worst) {
    case Status::kDown:
      return is_major(counts.down, total)
                 ? Banner{BannerKind::kMajorOutage, "banner.major_outage", worst}
                 : Banner{BannerKind::kPartialOutage, "banner.partial_outage", worst};
    case Status::kDegraded:
      return is_major(counts.degraded, total)
                 ? Banner{BannerKind::kDegraded, "banner.degraded", worst}
                 : Banner{BannerKind::kPartialDegraded, "banner.partial_degraded", worst};
    case Status::kMaintenance:
      return Banner{BannerKind::kMaintenance, "banner.maintenance", worst};
    case Status::kUp:
      return Banner{BannerKind::kOperational, "banner.operational", worst};
    case Status::kNoData:
      break;
  }
  return Banner{BannerKind::kNoData, "banner.no_data", Status::kNoData};
}

}  // namespace vigil
