#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/incident.hpp"
#include "core/incident_comment.hpp"

namespace vigil {

//! An incident in Kener's v4 shape (with status OPEN and incident_type INCIDENT, as Kener
//! answers) plus is_global.
boost::json::object incident_to_json(const Incident& incident);

//! Applies the fields of a create (`creating`: title and start_date_time required) or PATCH body
//! onto `incident`: title, start_date_time, end_date_time (null reopens), monitors, is_global.
//! Unknown fields and wrong JSON types are errors.
std::optional<Error> apply_incident_json(const boost::json::object& body, bool creating,
                                         Incident& incident);

//! A comment in Kener's v4 shape (its time as `timestamp`).
boost::json::object comment_to_json(const IncidentComment& comment);

//! The fields of a comment body; each one absent is nullopt.
struct CommentFields {
  std::optional<std::string> comment;  //!< Markdown text
  std::optional<IncidentState> state;  //!< the state it reports
  std::optional<Seconds> timestamp;    //!< Unix s
};

//! Reads a comment body (comment, state, timestamp; `creating`: comment and state required).
Result<CommentFields> comment_fields(const boost::json::object& body, bool creating);

}  // namespace vigil
