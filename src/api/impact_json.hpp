#pragma once

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/monitor_impact.hpp"
#include "core/time_units.hpp"

namespace vigil {

// JSON members that incidents and maintenances share. The readers leave their output as it was
// when the member is absent, and add "key: problem" lines to `problems` when it is malformed.

//! Kener's monitors list: [{"monitor_tag": ..., "impact": ...}].
boost::json::array monitor_impacts_to_json(const std::vector<MonitorImpact>& monitors);

//! Reads Kener's monitors list (null is an empty one) into `out`, replacing it; an element
//! without "impact" gets `fallback`.
void read_monitor_impacts(const boost::json::object& body, std::string_view key, Status fallback,
                          std::vector<MonitorImpact>& out, std::vector<std::string>& problems);

//! Reads a number of seconds (a Unix time or a duration; a fraction is floored); null leaves
//! `out` as it was.
void read_seconds(const boost::json::object& body, std::string_view key, Seconds& out,
                  std::vector<std::string>& problems);

//! Reads a YES / NO member (true / false also accepted).
void read_yes_no(const boost::json::object& body, std::string_view key, bool& out,
                 std::vector<std::string>& problems);

//! "YES" or "NO".
const char* yes_no(bool yes);

}  // namespace vigil
