#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/maintenance.hpp"
#include "core/maintenance_event.hpp"
#include "core/maintenance_event_detail.hpp"

namespace vigil {

//! Kener's maintenance list filters (each optional).
struct MaintenanceFilter {
  std::optional<bool> active;              //!< status ACTIVE (true) / INACTIVE (false)
  std::optional<std::string> monitor_tag;  //!< linked to this monitor
};

//! Which maintenance events to read; every condition is optional and they all must hold.
struct MaintenanceEventQuery {
  std::optional<std::int64_t> maintenance_id;    //!< of this maintenance
  std::vector<MaintenanceEventStatus> statuses;  //!< in one of these (when not empty)
  std::optional<Seconds> start_from;             //!< start_date_time >= this
  std::optional<Seconds> overlap_from;           //!< with overlap_to: window meets [from, to)
  std::optional<Seconds> overlap_to;             //!< see overlap_from
  std::optional<std::vector<std::string>> monitor_tags;  //!< maintenance linked to one of these
  bool include_global = false;  //!< with monitor_tags: global maintenances match too
  bool active_only = false;     //!< only events of ACTIVE maintenances
  std::int64_t offset = 0;      //!< skip this many (pagination)
  std::int64_t limit = -1;      //!< at most this many; -1 for all
};

//! One page of events and how many match in all.
struct MaintenanceEventPage {
  std::vector<MaintenanceEventDetail> events;  //!< ordered by start, then id
  std::int64_t total = 0;                      //!< matches without offset and limit
};

//! A planned window [start, end) of a maintenance rule.
struct Occurrence {
  Seconds start = 0;  //!< Unix s
  Seconds end = 0;    //!< Unix s, after the start

  //! Field-wise equality.
  bool operator==(const Occurrence&) const = default;
};

//! A schedule change: drop the windows not started by `now` and plan `occurrences` instead.
struct Reschedule {
  Seconds now = 0;                      //!< SCHEDULED/READY events starting after it go
  std::vector<Occurrence> occurrences;  //!< added; an unfinished event at the same start gets
                                        //!< the new end
};

//! An event's status moved by the clock, applied only if the event is still as it was read.
struct EventStatusChange {
  MaintenanceEvent seen;          //!< the event as read (id, window, status)
  MaintenanceEventStatus status;  //!< the new status
};

//! Persists maintenances, their monitor impacts and their events.
class MaintenanceStore {
 public:
  virtual ~MaintenanceStore() = default;
  //! Maintenances matching `filter`, newest first, with their monitors.
  virtual std::vector<Maintenance> list(const MaintenanceFilter& filter) = 0;
  //! One maintenance with its monitors.
  virtual std::optional<Maintenance> get(std::int64_t id) = 0;
  //! Inserts a maintenance, its monitors and the events of `occurrences` (SCHEDULED) in one
  //! transaction; returns it with id, created_at and updated_at set.
  virtual Maintenance create(const Maintenance& maintenance,
                             const std::vector<Occurrence>& occurrences) = 0;
  //! Replaces a maintenance's fields and monitors (matched by id) and applies `reschedule`, in
  //! one transaction; nullopt when absent.
  virtual std::optional<Maintenance> update(const Maintenance& maintenance,
                                            const std::optional<Reschedule>& reschedule) = 0;
  //! Deletes a maintenance with its monitors and events; false when absent.
  virtual bool remove(std::int64_t id) = 0;

  //! Adds SCHEDULED events for the occurrences not planned yet (no event of the maintenance
  //! starts, or was first planned, at that time); returns how many were added.
  virtual std::int64_t add_occurrences(std::int64_t maintenance_id,
                                       const std::vector<Occurrence>& occurrences) = 0;
  //! Events matching `query`, each with its maintenance.
  virtual MaintenanceEventPage events(const MaintenanceEventQuery& query) = 0;
  //! One event.
  virtual std::optional<MaintenanceEvent> event(std::int64_t event_id) = 0;
  //! Replaces an event's window and status (matched by id); kNotFound when absent, kConflict
  //! when another event of the maintenance starts at the same time.
  virtual Result<MaintenanceEvent> update_event(const MaintenanceEvent& event) = 0;
  //! Applies the changes whose event is unchanged since it was read; returns how many applied.
  virtual std::int64_t set_event_statuses(const std::vector<EventStatusChange>& changes) = 0;
  //! Deletes one event; false when absent.
  virtual bool remove_event(std::int64_t event_id) = 0;
};

}  // namespace vigil
