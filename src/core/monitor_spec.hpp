#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! A monitor as declared by a user: Kener's fields plus Vigil's interval_seconds.
struct MonitorSpec {
  std::string tag;                          //!< unique, [a-z0-9_-]+
  std::string name;                         //!< display name
  std::string description;                  //!< free text
  std::string image;                        //!< logo URL
  std::string category_name;                //!< Kener v3 leftover, kept for compatibility
  std::string monitor_type = "NONE";        //!< API, TCP, ... (upper case)
  std::string type_data = "{}";             //!< the type's settings, a JSON object as text
  std::string cron;                         //!< 5-field cron; empty when interval_seconds is set
  std::optional<int> interval_seconds;      //!< run every N seconds instead of a cron
  std::optional<Status> default_status;     //!< status for minutes without a check
  bool active = true;                       //!< Kener's status ACTIVE / INACTIVE
  bool hidden = false;                      //!< Kener's is_hidden YES / NO
  int confirmation_threshold = 1;           //!< observations needed before a flip (1..60)
  std::string include_degraded_in_downtime = "NO";  //!< Kener v3 leftover
  std::string monitor_settings_json = "{}";  //!< JSON object; holds the uptime formula
  std::optional<std::string> external_url;  //!< link shown on pages
  Seconds created_at = 0;                   //!< set by the store
  Seconds updated_at = 0;                   //!< set by the store
};

//! True when `tag` matches [a-z0-9_-]+ and is at most 64 characters.
bool is_valid_tag(std::string_view tag);

//! Checks the fields that do not depend on the monitor type; returns "field: problem" lines.
std::vector<std::string> validate_common_fields(const MonitorSpec& spec);

//! True when the monitor runs on a schedule (active and not NONE/HEARTBEAT-style passive types).
bool is_scheduled(const MonitorSpec& spec);

}  // namespace vigil
