#pragma once

#include <span>
#include <string_view>

#include "core/status.hpp"

namespace vigil {

//! The overall banner of a status page, Kener's seven messages.
enum class BannerKind {
  kMajorOutage,      //!< at least 75 % of the monitors with data are DOWN
  kPartialOutage,    //!< some are DOWN
  kDegraded,         //!< none DOWN, at least 75 % DEGRADED
  kPartialDegraded,  //!< none DOWN, some DEGRADED
  kMaintenance,      //!< MAINTENANCE is the worst status
  kOperational,      //!< every monitor with data is UP
  kNoData,           //!< no monitor has data
};

//! A page's banner: what to say and in which colour.
struct Banner {
  BannerKind kind = BannerKind::kNoData;
  std::string_view message_key;     //!< message catalogue key, e.g. "banner.major_outage"
  Status status = Status::kNoData;  //!< the worst status, for the colour
};

//! Share of the monitors with data, in percent, from which an outage or a degradation is
//! "major" rather than "partial".
inline constexpr int kMajorSharePercent = 75;

//! The banner for the current statuses of a page's monitors. Worst wins (DOWN > DEGRADED >
//! MAINTENANCE > UP); the 75 % share only picks the wording. As in Kener, NO_DATA monitors are
//! left out of the count (Kener counts the latest rows, and such monitors have none): three UP
//! and two NO_DATA read "All Systems Operational", and only an all-NO_DATA page reads "No
//! Status Available". Unlike Kener's code, which says "Under Maintenance" whenever any monitor
//! is in maintenance, a DOWN or DEGRADED monitor is never hidden behind a maintenance banner.
Banner make_banner(std::span<const Status> statuses);

}  // namespace vigil
