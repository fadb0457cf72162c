#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/incident.hpp"
#include "core/incident_comment.hpp"
#include "services/impact_index.hpp"
#include "services/incident_listener.hpp"
#include "services/monitor_service.hpp"
#include "services/site_revision.hpp"
#include "storage/incident_store.hpp"

namespace vigil {

//! Incident use cases (Kener §5): validated create/update/delete, the comment timeline that
//! moves an incident's state, and the reads the status pages and status layers need. Every
//! stored change bumps the site revision.
class IncidentService {
 public:
  //! Monitors a page shows; nullopt stands for every monitor.
  using Scope = std::optional<std::vector<std::string>>;

  IncidentService(IncidentStore& store, const MonitorService& monitors, SiteRevision& revision,
                  const Clock& clock);

  //! Rebuilds the in-memory impact index from the store: at start, and after the store changed
  //! behind the service (a deleted monitor takes its links with it).
  void refresh();
  //! Tells `listener` (or nobody, given nullptr) about new incidents and comments; it must
  //! outlive the service. Set once at start, before requests arrive.
  void set_listener(IncidentListener* listener) { listener_ = listener; }

  //! Incidents matching `query` (Kener's start_ts/end_ts on the start and monitor_tags), newest
  //! start first.
  std::vector<Incident> list(const IncidentQuery& query) const;
  //! One incident, or nullopt.
  std::optional<Incident> find(std::int64_t id) const;
  //! Validates and stores a new incident (times floored to the minute, title trimmed); every
  //! monitor must exist (kBadRequest otherwise).
  Result<Incident> create(Incident incident);
  //! Validates and stores a changed incident (matched by id); kNotFound when absent.
  Result<Incident> update(Incident incident);
  //! Deletes an incident with its comments; kNotFound when absent.
  std::optional<Error> remove(std::int64_t id);

  //! An incident's comments, newest first; kNotFound when the incident is absent.
  Result<std::vector<IncidentComment>> comments(std::int64_t incident_id) const;
  //! One comment of an incident; kNotFound when either is absent.
  Result<IncidentComment> comment(std::int64_t incident_id, std::int64_t comment_id) const;
  //! Adds a comment at `at` (now when absent, floored to the minute) and moves the incident with
  //! it: the incident takes the comment's state, RESOLVED ends it at the comment's time, and any
  //! other state reopens a resolved incident (clears its end).
  Result<IncidentComment> add_comment(std::int64_t incident_id, std::string text,
                                      IncidentState state, std::optional<Seconds> at);
  //! Stores a changed comment (matched by incident_id and id); when its state or time changed,
  //! the incident moves with it as in add_comment(). kNotFound when absent.
  Result<IncidentComment> update_comment(IncidentComment comment);
  //! Deletes a comment; the incident keeps its state. kNotFound when absent.
  std::optional<Error> remove_comment(std::int64_t incident_id, std::int64_t comment_id);

  //! Incidents in force at `now` (started, not ended, not resolved), newest first; with `tags`,
  //! those linked to one of them plus the global ones.
  std::vector<Incident> ongoing(Seconds now, const Scope& tags = std::nullopt) const;
  //! Incidents whose time meets [from, to) (an open one runs on), newest first; `tags` as in
  //! ongoing().
  std::vector<Incident> overlapping(Seconds from, Seconds to,
                                    const Scope& tags = std::nullopt) const;
  //! The strongest impact (DOWN > DEGRADED) that incidents in force impose on `tag` at `t`, or
  //! nullopt. Incidents opened by alerts (source ALERT) impose none: the checks that raised them
  //! already show it, as in Kener.
  std::optional<Status> impact_at(const std::string& tag, Seconds t) const;

 private:
  Seconds now() const;
  std::optional<Error> check(Incident& incident) const;
  std::vector<ImpactWindow> impact_windows(Seconds from, Seconds to) const;
  Result<IncidentProgress> progress(std::int64_t incident_id, const IncidentComment& comment) const;
  void changed();

  IncidentStore& store_;
  const MonitorService& monitors_;
  SiteRevision& revision_;
  const Clock& clock_;
  ImpactIndex impacts_;
  IncidentListener* listener_ = nullptr;
};

}  // namespace vigil
