#include "services/incident_service.hpp"

#include <spdlog/spdlog.h>

#include <limits>

#include "core/trim.hpp"
#include "services/missing_monitor.hpp"

namespace vigil {
namespace {

constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();

Error incident_not_found(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "Incident with id '" + std::to_string(id) + "' not found"};
}

Error comment_not_found(std::int64_t incident_id, std::int64_t comment_id) {
  return Error{ErrorCode::kNotFound, "Comment with id '" + std::to_string(comment_id) +
                                         "' not found for incident '" +
                                         std::to_string(incident_id) + "'"};
}

IncidentQuery scoped(Seconds from, Seconds to, const IncidentService::Scope& tags) {
  IncidentQuery query;
  query.overlap_from = from;
  query.overlap_to = to;
  query.monitor_tags = tags;
  query.include_global = true;
  query.limit = kNoLimit;
  return query;
}

}  // namespace

IncidentService::IncidentService(IncidentStore& store, const MonitorService& monitors,
                                 SiteRevision& revision, const Clock& clock)
    : store_(store),
      monitors_(monitors),
      revision_(revision),
      clock_(clock),
      impacts_([this](Seconds from, Seconds to) { return impact_windows(from, to); }) {}

Seconds IncidentService::now() const {
  return to_seconds(clock_.now_ms());
}

void IncidentService::refresh() {
  impacts_.rebuild(now());
}

void IncidentService::changed() {
  refresh();
  revision_.bump();
}

std::vector<ImpactWindow> IncidentService::impact_windows(Seconds from, Seconds to) const {
  std::vector<ImpactWindow> windows;
  for (const auto& incident : store_.list(scoped(from, to, std::nullopt))) {
    if (incident.source == IncidentSource::kAlert) continue;
    if (!incident.end_date_time && incident.state == IncidentState::kResolved) continue;
    for (const auto& m : incident.monitors) {
      windows.push_back({m.monitor_tag, incident.start_date_time,
                         incident.end_date_time.value_or(ImpactIndex::kForever), m.impact});
    }
  }
  return windows;
}

std::optional<Error> IncidentService::check(Incident& incident) const {
  incident.title = std::string(trim(incident.title));
  incident.start_date_time = floor_to(incident.start_date_time, kMinute);
  if (incident.end_date_time) incident.end_date_time = floor_to(*incident.end_date_time, kMinute);
  sort_by_tag(incident.monitors);
  if (auto problems = validate_incident(incident); !problems.empty()) return bad_request(problems);
  return missing_monitor(monitors_, incident.monitors);
}

std::vector<Incident> IncidentService::list(const IncidentQuery& query) const {
  return store_.list(query);
}

std::optional<Incident> IncidentService::find(std::int64_t id) const {
  return store_.get(id);
}

Result<Incident> IncidentService::create(Incident incident) {
  if (auto error = check(incident)) return *error;
  Incident stored = store_.create(incident);
  changed();
  spdlog::info("incident {} created: {}", stored.id, stored.title);
  if (listener_) listener_->incident_created(stored);
  return stored;
}

Result<Incident> IncidentService::update(Incident incident) {
  if (auto error = check(incident)) return *error;
  auto stored = store_.update(incident);
  if (!stored) return incident_not_found(incident.id);
  changed();
  return *stored;
}

std::optional<Error> IncidentService::remove(std::int64_t id) {
  if (!store_.remove(id)) return incident_not_found(id);
  changed();
  spdlog::info("incident {} deleted", id);
  return std::nullopt;
}

Result<std::vector<IncidentComment>> IncidentService::comments(std::int64_t incident_id) const {
  if (!store_.get(incident_id)) return incident_not_found(incident_id);
  return store_.comments(incident_id);
}

Result<IncidentComment> IncidentService::comment(std::int64_t incident_id,
                                                 std::int64_t comment_id) const {
  if (!store_.get(incident_id)) return incident_not_found(incident_id);
  auto found = store_.comment(incident_id, comment_id);
  if (!found) return comment_not_found(incident_id, comment_id);
  return *found;
}

Result<IncidentProgress> IncidentService::progress(std::int64_t incident_id,
                                                   const IncidentComment& comment) const {
  auto incident = store_.get(incident_id);
  if (!incident) return incident_not_found(incident_id);
  IncidentProgress next{comment.state, incident->end_date_time};
  if (comment.state == IncidentState::kResolved) {
    if (comment.commented_at < incident->start_date_time) {
      return Error{ErrorCode::kBadRequest,
                   "timestamp: a RESOLVED comment cannot be before the incident's start"};
    }
    next.end_date_time = comment.commented_at;
  } else if (incident->state == IncidentState::kResolved) {
    next.end_date_time.reset();
  }
  return next;
}

Result<IncidentComment> IncidentService::add_comment(std::int64_t incident_id, std::string text,
                                                     IncidentState state,
                                                     std::optional<Seconds> at) {
  IncidentComment comment;
  comment.incident_id = incident_id;
  comment.comment = std::string(trim(text));
  comment.state = state;
  comment.commented_at = floor_to(at.value_or(now()), kMinute);
  if (comment.comment.empty()) {
    return Error{ErrorCode::kBadRequest, "comment: must not be empty"};
  }
  auto next = progress(incident_id, comment);
  if (!next.ok()) return next.error();
  IncidentComment stored = store_.add_comment(comment, next.value());
  changed();
  if (listener_) {
    if (auto incident = store_.get(incident_id)) listener_->comment_added(*incident, stored);
  }
  return stored;
}

Result<IncidentComment> IncidentService::update_comment(IncidentComment comment) {
  auto previous = store_.comment(comment.incident_id, comment.id);
  if (!previous) return comment_not_found(comment.incident_id, comment.id);
  comment.comment = std::string(trim(comment.comment));
  comment.commented_at = floor_to(comment.commented_at, kMinute);
  if (comment.comment.empty()) {
    return Error{ErrorCode::kBadRequest, "comment: must not be empty"};
  }
  std::optional<IncidentProgress> next;
  if (comment.state != previous->state || comment.commented_at != previous->commented_at) {
    auto moved = progress(comment.incident_id, comment);
    if (!moved.ok()) return moved.error();
    next = moved.value();
  }
  auto stored = store_.update_comment(comment, next);
  if (!stored) return comment_not_found(comment.incident_id, comment.id);
  changed();
  return *stored;
}

std::optional<Error> IncidentService::remove_comment(std::int64_t incident_id,
                                                     std::int64_t comment_id) {
  if (!store_.remove_comment(incident_id, comment_id)) {
    return comment_not_found(incident_id, comment_id);
  }
  changed();
  return std::nullopt;
}

std::vector<Incident> IncidentService::ongoing(Seconds now, const Scope& tags) const {
  std::vector<Incident> found;
  for (auto& incident : store_.list(scoped(now, now + 1, tags))) {
    if (incident.in_force_at(now)) found.push_back(std::move(incident));
  }
  return found;
}

std::vector<Incident> IncidentService::overlapping(Seconds from, Seconds to,
                                                   const Scope& tags) const {
  return store_.list(scoped(from, to, tags));
}

std::optional<Status> IncidentService::impact_at(const std::string& tag, Seconds t) const {
  return impacts_.at(tag, t);
}

}  // namespace vigil
