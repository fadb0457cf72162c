#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/time_units.hpp"

namespace vigil {

//! Where one maintenance window stands. COMPLETED and CANCELLED are final.
enum class MaintenanceEventStatus { kScheduled, kReady, kOngoing, kCompleted, kCancelled };

//! Kener's spelling: SCHEDULED, READY, ONGOING, COMPLETED, CANCELLED.
std::string_view to_string(MaintenanceEventStatus status);
//! Parses Kener's spelling (case-sensitive); nullopt for anything else.
std::optional<MaintenanceEventStatus> parse_maintenance_event_status(std::string_view text);
//! True for COMPLETED and CANCELLED, which nothing moves on from.
bool is_final(MaintenanceEventStatus status);

//! One window of a maintenance: an occurrence of its rule, or a window edited by hand.
struct MaintenanceEvent {
  std::int64_t id = 0;                                                 //!< set by the store
  std::int64_t maintenance_id = 0;                                     //!< the plan it belongs to
  Seconds start_date_time = 0;                                         //!< Unix s
  Seconds end_date_time = 0;                                           //!< Unix s, after the start
  MaintenanceEventStatus status = MaintenanceEventStatus::kScheduled;  //!< see status_at()
  Seconds created_at = 0;                                              //!< set by the store
  Seconds updated_at = 0;                                              //!< set by the store

  //! The status the clock gives this event at `now`: SCHEDULED, READY once `now` is within
  //! `reminder` of the start, ONGOING from the start, COMPLETED from the end. A final status
  //! stays as it is.
  MaintenanceEventStatus status_at(Seconds now, Seconds reminder) const;
  //! True while the window covers `t` (start <= t < end).
  bool covers(Seconds t) const { return start_date_time <= t && t < end_date_time; }
};

}  // namespace vigil
