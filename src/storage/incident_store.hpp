#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "core/incident_comment.hpp"

namespace vigil {

//! Which incidents to read; every condition is optional and they all must hold.
struct IncidentQuery {
  std::optional<Seconds> start_from;    //!< start_date_time >= this (Kener's start_ts)
  std::optional<Seconds> start_until;   //!< start_date_time <= this (Kener's end_ts)
  std::optional<Seconds> overlap_from;  //!< with overlap_to: [start, end) meets [from, to)
  std::optional<Seconds> overlap_to;    //!< see overlap_from; an open incident runs on
  std::optional<std::vector<std::string>> monitor_tags;  //!< linked to one of these
  bool include_global = false;  //!< with monitor_tags: global incidents match too
  std::int64_t limit = 1000;    //!< at most this many
};

//! What a comment does to its incident: the state it moves it to and its end time.
struct IncidentProgress {
  IncidentState state = IncidentState::kInvestigating;  //!< the incident's new state
  std::optional<Seconds> end_date_time;                 //!< its new end; none reopens it
};

//! Persists incidents with their monitor impacts and comments.
class IncidentStore {
 public:
  virtual ~IncidentStore() = default;
  //! Incidents matching `query`, newest start first (then highest id), with their monitors.
  virtual std::vector<Incident> list(const IncidentQuery& query) = 0;
  //! One incident with its monitors.
  virtual std::optional<Incident> get(std::int64_t id) = 0;
  //! Inserts an incident and its monitors; returns it with id, created_at and updated_at set.
  virtual Incident create(const Incident& incident) = 0;
  //! Replaces an incident's fields and monitors (matched by id); nullopt when absent.
  virtual std::optional<Incident> update(const Incident& incident) = 0;
  //! Deletes an incident with its monitors and comments; false when absent.
  virtual bool remove(std::int64_t id) = 0;

  //! An incident's comments, newest first (commented_at, then id).
  virtual std::vector<IncidentComment> comments(std::int64_t incident_id) = 0;
  //! One comment of an incident.
  virtual std::optional<IncidentComment> comment(std::int64_t incident_id,
                                                 std::int64_t comment_id) = 0;
  //! Inserts a comment and, in the same transaction, applies `progress` to its incident.
  virtual IncidentComment add_comment(const IncidentComment& comment,
                                      const std::optional<IncidentProgress>& progress) = 0;
  //! Replaces a comment (matched by incident_id and id) and applies `progress` to its incident,
  //! in one transaction; nullopt when the comment is absent.
  virtual std::optional<IncidentComment> update_comment(
      const IncidentComment& comment, const std::optional<IncidentProgress>& progress) = 0;
  //! Deletes one comment of an incident; false when absent.
  virtual bool remove_comment(std::int64_t incident_id, std::int64_t comment_id) = 0;
};

}  // namespace vigil
