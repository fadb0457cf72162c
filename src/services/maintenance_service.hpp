#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/maintenance.hpp"
#include "core/maintenance_event.hpp"
#include "core/maintenance_event_detail.hpp"
#include "services/impact_index.hpp"
#include "services/maintenance_listener.hpp"
#include "services/monitor_service.hpp"
#include "services/rrule_expander.hpp"
#include "services/site_revision.hpp"
#include "storage/maintenance_store.hpp"

namespace vigil {

//! How maintenance windows are planned and announced.
struct MaintenancePlanning {
  Seconds horizon = 7 * kDay;  //!< recurring rules are expanded this far ahead
  Seconds reminder = kHour;    //!< an event is READY this long before its start
};

//! Maintenance use cases (Kener §6): validated plans with an RRULE in a time zone, their events
//! (a one-off's at once, recurring ones `horizon` ahead by expand_upcoming()), the clock-driven
//! event states (advance_states()), manual completion and cancellation, and the reads the status
//! pages and status layers need. Every stored change bumps the site revision.
class MaintenanceService {
 public:
  //! Monitors a page shows; nullopt stands for every monitor.
  using Scope = std::optional<std::vector<std::string>>;

  MaintenanceService(MaintenanceStore& store, const MonitorService& monitors,
                     SiteRevision& revision, const Clock& clock, MaintenancePlanning planning = {});

  //! Rebuilds the in-memory impact index from the store: at start, and after the store changed
  //! behind the service (a deleted monitor takes its links with it).
  void refresh();
  //! Tells `listener` (or nobody, given nullptr) about event status changes; it must outlive
  //! the service. Set once at start, before requests arrive.
  void set_listener(MaintenanceListener* listener) { listener_ = listener; }

  //! Maintenances matching Kener's filters, newest first.
  std::vector<Maintenance> list(const MaintenanceFilter& filter) const;
  //! One maintenance, or nullopt.
  std::optional<Maintenance> find(std::int64_t id) const;
  //! Validates (RRULE, zone, monitors) and stores a new maintenance with its first events.
  Result<Maintenance> create(Maintenance maintenance);
  //! Validates and stores a changed maintenance (matched by id). A changed schedule replaces
  //! the events that have not started; kNotFound when absent.
  Result<Maintenance> update(Maintenance maintenance);
  //! Deletes a maintenance with its events; kNotFound when absent.
  std::optional<Error> remove(std::int64_t id);

  //! Events matching `query` with their maintenances, and the total.
  MaintenanceEventPage events(const MaintenanceEventQuery& query) const;
  //! One event of a maintenance; kNotFound when either is absent or they do not belong together.
  Result<MaintenanceEvent> event(std::int64_t maintenance_id, std::int64_t event_id) const;
  //! Moves an event's window (floored to the minute, end after start); its status follows the
  //! clock unless final. kConflict when another event of the maintenance starts then.
  Result<MaintenanceEvent> move_event(std::int64_t maintenance_id, std::int64_t event_id,
                                      Seconds start, Seconds end);
  //! Ends an event for good: COMPLETED (only an ONGOING one) or CANCELLED (one not finished); an
  //! ONGOING event ends now. kBadRequest for any other move.
  Result<MaintenanceEvent> finish_event(std::int64_t maintenance_id, std::int64_t event_id,
                                        MaintenanceEventStatus status);
  //! Deletes one event (an occurrence of a recurring rule that is still ahead comes back at the
  //! next expansion; cancel it instead). kNotFound when absent.
  std::optional<Error> remove_event(std::int64_t maintenance_id, std::int64_t event_id);

  //! Plans the occurrences of every active recurring maintenance up to `horizon` ahead (and one
  //! already under way), skipping those planned before; returns how many events were added.
  std::int64_t expand_upcoming();
  //! Moves every unfinished event to the status the clock gives it (SCHEDULED → READY →
  //! ONGOING → COMPLETED); returns how many moved.
  std::int64_t advance_states();

  //! Events under way at `now` (not cancelled) of active maintenances, soonest first; with
  //! `tags`, those whose maintenance is linked to one of them or is global.
  std::vector<MaintenanceEventDetail> ongoing_events(Seconds now,
                                                     const Scope& tags = std::nullopt) const;
  //! SCHEDULED and READY events of active maintenances starting in (now, now + within],
  //! soonest first; `tags` as in ongoing_events().
  std::vector<MaintenanceEventDetail> upcoming_events(Seconds now, Seconds within,
                                                      const Scope& tags = std::nullopt) const;
  //! Every event whose window meets [from, to), whatever its status or its maintenance's, soonest
  //! first; `tags` as in ongoing_events().
  std::vector<MaintenanceEventDetail> events_overlapping(Seconds from, Seconds to,
                                                         const Scope& tags = std::nullopt) const;
  //! The strongest impact (DOWN > DEGRADED > MAINTENANCE) that windows of active maintenances
  //! impose on `tag` at `t`, or nullopt. Cancelled windows and UP impacts impose none.
  std::optional<Status> impact_at(const std::string& tag, Seconds t) const;

 private:
  Seconds now() const;
  Result<RruleExpander> check(Maintenance& maintenance) const;
  std::vector<Occurrence> planned(const Maintenance& maintenance, const RruleExpander& rule,
                                  Seconds now) const;
  std::vector<ImpactWindow> impact_windows(Seconds from, Seconds to) const;
  Result<MaintenanceEvent> store_event(const MaintenanceEvent& event);
  void changed();

  MaintenanceStore& store_;
  const MonitorService& monitors_;
  SiteRevision& revision_;
  const Clock& clock_;
  MaintenancePlanning planning_;
  std::mutex events_mutex_;  // one event change at a time: API edits and the clock
  ImpactIndex impacts_;
  MaintenanceListener* listener_ = nullptr;
};

}  // namespace vigil
