#include "services/maintenance_service.hpp"

#include <spdlog/spdlog.h>

#include "core/trim.hpp"
#include "services/missing_monitor.hpp"

namespace vigil {
namespace {

// Events one expansion of one rule may add (a MINUTELY rule would add 10,080 a week).
constexpr std::size_t kMaxPlanned = 1000;

using EventStatus = MaintenanceEventStatus;

//! Every status but CANCELLED: the windows that happen.
std::vector<EventStatus> not_cancelled() {
  return {EventStatus::kScheduled, EventStatus::kReady, EventStatus::kOngoing,
          EventStatus::kCompleted};
}

Error maintenance_not_found(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "Maintenance with id '" + std::to_string(id) + "' not found"};
}

Error event_not_found(std::int64_t event_id) {
  return Error{ErrorCode::kNotFound,
               "Event with id '" + std::to_string(event_id) + "' not found for this maintenance"};
}

MaintenanceEventQuery window_query(Seconds from, Seconds to, const MaintenanceService::Scope& tags,
                                   std::vector<EventStatus> statuses) {
  MaintenanceEventQuery query;
  query.overlap_from = from;
  query.overlap_to = to;
  query.monitor_tags = tags;
  query.include_global = true;
  query.statuses = std::move(statuses);
  return query;
}

}  // namespace

MaintenanceService::MaintenanceService(MaintenanceStore& store, const MonitorService& monitors,
                                       SiteRevision& revision, const Clock& clock,
                                       MaintenancePlanning planning)
    : store_(store),
      monitors_(monitors),
      revision_(revision),
      clock_(clock),
      planning_(planning),
      impacts_([this](Seconds from, Seconds to) { return impact_windows(from, to); }) {}

Seconds MaintenanceService::now() const {
  return to_seconds(clock_.now_ms());
}

void MaintenanceService::refresh() {
  impacts_.rebuild(now());
}

void MaintenanceService::changed() {
  refresh();
  revision_.bump();
}

std::vector<ImpactWindow> MaintenanceService::impact_windows(Seconds from, Seconds to) const {
  auto query = window_query(from, to, std::nullopt, not_cancelled());
  query.active_only = true;
  std::vector<ImpactWindow> windows;
  for (const auto& detail : store_.events(query).events) {
    for (const auto& m : detail.maintenance.monitors) {
      if (m.impact == Status::kUp) continue;
      windows.push_back(
          {m.monitor_tag, detail.event.start_date_time, detail.event.end_date_time, m.impact});
    }
  }
  return windows;
}

Result<RruleExpander> MaintenanceService::check(Maintenance& maintenance) const {
  maintenance.title = std::string(trim(maintenance.title));
  maintenance.rrule = std::string(trim(maintenance.rrule));
  maintenance.timezone = std::string(trim(maintenance.timezone));
  maintenance.start_date_time = floor_to(maintenance.start_date_time, kMinute);
  sort_by_tag(maintenance.monitors);
  if (auto problems = validate_maintenance(maintenance); !problems.empty()) {
    return bad_request(problems);
  }
  if (auto error = missing_monitor(monitors_, maintenance.monitors)) return *error;
  return RruleExpander::create(maintenance.start_date_time, maintenance.rrule,
                               maintenance.timezone);
}

std::vector<Occurrence> MaintenanceService::planned(const Maintenance& maintenance,
                                                    const RruleExpander& rule, Seconds now) const {
  const Seconds duration = maintenance.duration_seconds;
  std::vector<Occurrence> occurrences;
  if (rule.one_off()) {
    occurrences.push_back({maintenance.start_date_time, maintenance.start_date_time + duration});
  } else if (maintenance.active) {
    for (Seconds start :
         rule.occurrences(now - duration + 1, now + planning_.horizon, kMaxPlanned)) {
      occurrences.push_back({start, start + duration});
    }
  }
  return occurrences;
}

std::vector<Maintenance> MaintenanceService::list(const MaintenanceFilter& filter) const {
  return store_.list(filter);
}

std::optional<Maintenance> MaintenanceService::find(std::int64_t id) const {
  return store_.get(id);
}

Result<Maintenance> MaintenanceService::create(Maintenance maintenance) {
  auto rule = check(maintenance);
  if (!rule.ok()) return rule.error();
  Maintenance stored = store_.create(maintenance, planned(maintenance, rule.value(), now()));
  advance_states();
  changed();
  spdlog::info("maintenance {} created: {} ({} in {})", stored.id, stored.title, stored.rrule,
               stored.timezone);
  return stored;
}

Result<Maintenance> MaintenanceService::update(Maintenance maintenance) {
  auto previous = store_.get(maintenance.id);
  if (!previous) return maintenance_not_found(maintenance.id);
  auto rule = check(maintenance);
  if (!rule.ok()) return rule.error();
  const Seconds at = now();
  std::optional<Reschedule> reschedule;
  if (!maintenance.same_schedule(*previous)) {
    reschedule = Reschedule{at, planned(maintenance, rule.value(), at)};
  }
  auto stored = store_.update(maintenance, reschedule);
  if (!stored) return maintenance_not_found(maintenance.id);
  if (!reschedule && stored->active && !previous->active) {
    store_.add_occurrences(stored->id, planned(*stored, rule.value(), at));
  }
  advance_states();
  changed();
  return *stored;
}

std::optional<Error> MaintenanceService::remove(std::int64_t id) {
  if (!store_.remove(id)) return maintenance_not_found(id);
  changed();
  spdlog::info("maintenance {} deleted", id);
  return std::nullopt;
}

MaintenanceEventPage MaintenanceService::events(const MaintenanceEventQuery& query) const {
  return store_.events(query);
}

Result<MaintenanceEvent> MaintenanceService::event(std::int64_t maintenance_id,
                                                   std::int64_t event_id) const {
  if (!store_.get(maintenance_id)) return maintenance_not_found(maintenance_id);
  auto found = store_.event(event_id);
  if (!found || found->maintenance_id != maintenance_id) return event_not_found(event_id);
  return *found;
}

Result<MaintenanceEvent> MaintenanceService::store_event(const MaintenanceEvent& event) {
  auto stored = store_.update_event(event);
  if (stored.ok()) changed();
  return stored;
}

Result<MaintenanceEvent> MaintenanceService::move_event(std::int64_t maintenance_id,
                                                        std::int64_t event_id, Seconds start,
                                                        Seconds end) {
  start = floor_to(start, kMinute);
  end = floor_to(end, kMinute);
  if (end <= start) {
    return Error{ErrorCode::kBadRequest, "end_date_time must be after start_date_time"};
  }
  std::lock_guard lock(events_mutex_);
  auto found = event(maintenance_id, event_id);
  if (!found.ok()) return found;
  MaintenanceEvent moved = found.value();
  moved.start_date_time = start;
  moved.end_date_time = end;
  moved.status = moved.status_at(now(), planning_.reminder);
  return store_event(moved);
}

Result<MaintenanceEvent> MaintenanceService::finish_event(std::int64_t maintenance_id,
                                                          std::int64_t event_id,
                                                          MaintenanceEventStatus status) {
  if (!is_final(status)) {
    return Error{ErrorCode::kBadRequest, "status must be COMPLETED or CANCELLED"};
  }
  std::lock_guard lock(events_mutex_);
  auto found = event(maintenance_id, event_id);
  if (!found.ok()) return found;
  MaintenanceEvent finished = found.value();
  const Seconds at = now();
  const EventStatus current = finished.status_at(at, planning_.reminder);
  if (is_final(current)) {
    return Error{ErrorCode::kBadRequest, "the event is " + std::string(to_string(current)) +
                                             " already; COMPLETED and CANCELLED are final"};
  }
  if (status == EventStatus::kCompleted && current != EventStatus::kOngoing) {
    return Error{ErrorCode::kBadRequest, "only an ONGOING event can be COMPLETED; this one is " +
                                             std::string(to_string(current)) +
                                             " (cancel it instead)"};
  }
  if (current == EventStatus::kOngoing) finished.end_date_time = at;
  finished.status = status;
  auto stored = store_event(finished);
  if (stored.ok() && listener_) {
    if (auto maintenance = store_.get(maintenance_id)) {
      listener_->event_status_changed({stored.value(), *maintenance});
    }
  }
  return stored;
}

std::optional<Error> MaintenanceService::remove_event(std::int64_t maintenance_id,
                                                      std::int64_t event_id) {
  std::lock_guard lock(events_mutex_);
  auto found = event(maintenance_id, event_id);
  if (!found.ok()) return found.error();
  if (!store_.remove_event(event_id)) return event_not_found(event_id);
  changed();
  return std::nullopt;
}

std::int64_t MaintenanceService::expand_upcoming() {
  std::lock_guard lock(events_mutex_);
  const Seconds at = now();
  std::int64_t added = 0;
  MaintenanceFilter active;
  active.active = true;
  for (const auto& maintenance : store_.list(active)) {
    auto rule =
        RruleExpander::create(maintenance.start_date_time, maintenance.rrule, maintenance.timezone);
    if (!rule.ok()) {
      spdlog::warn("maintenance {}: {}", maintenance.id, rule.error().message);
      continue;
    }
    if (rule->one_off()) continue;
    added += store_.add_occurrences(maintenance.id, planned(maintenance, rule.value(), at));
  }
  if (added > 0) changed();
  return added;
}

std::int64_t MaintenanceService::advance_states() {
  std::lock_guard lock(events_mutex_);
  const Seconds at = now();
  MaintenanceEventQuery unfinished;
  unfinished.statuses = {EventStatus::kScheduled, EventStatus::kReady, EventStatus::kOngoing};
  std::vector<EventStatusChange> changes;
  std::vector<MaintenanceEventDetail> moved_details;
  for (auto& detail : store_.events(unfinished).events) {
    EventStatus next = detail.event.status_at(at, planning_.reminder);
    if (next == detail.event.status) continue;
    changes.push_back({detail.event, next});
    detail.event.status = next;
    moved_details.push_back(std::move(detail));
  }
  std::int64_t moved = store_.set_event_statuses(changes);
  if (moved > 0) revision_.bump();
  if (listener_) {
    for (const auto& detail : moved_details) listener_->event_status_changed(detail);
  }
  return moved;
}

std::vector<MaintenanceEventDetail> MaintenanceService::ongoing_events(Seconds now,
                                                                       const Scope& tags) const {
  auto query = window_query(now, now + 1, tags, not_cancelled());
  query.active_only = true;
  return store_.events(query).events;
}

std::vector<MaintenanceEventDetail> MaintenanceService::upcoming_events(Seconds now, Seconds within,
                                                                        const Scope& tags) const {
  auto query =
      window_query(now, now + within + 1, tags, {EventStatus::kScheduled, EventStatus::kReady});
  query.start_from = now + 1;
  query.active_only = true;
  return store_.events(query).events;
}

std::vector<MaintenanceEventDetail> MaintenanceService::events_overlapping(
    Seconds from, Seconds to, const Scope& tags) const {
  return store_.events(window_query(from, to, tags, {})).events;
}

std::optional<Status> MaintenanceService::impact_at(const std::string& tag, Seconds t) const {
  return impacts_.at(tag, t);
}

}  // namespace vigil
