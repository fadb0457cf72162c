#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_units.hpp"

namespace vigil {

//! Every channel a trigger may send through (Kener's four plus Vigil's), lower case.
std::span<const std::string_view> trigger_types();

//! True when `type` is one of trigger_types().
bool is_trigger_type(std::string_view type);

//! A notification destination (Kener's `triggers` row): a channel type and its settings.
struct Trigger {
  std::int64_t id = 0;              //!< set by the store
  std::string name;                 //!< unique, not blank
  std::string trigger_type;         //!< one of trigger_types()
  std::string trigger_desc;         //!< free text
  bool active = true;               //!< trigger_status ACTIVE / INACTIVE
  std::string trigger_meta = "{}";  //!< JSON object: the channel's settings ($ENV kept as written)
  Seconds created_at = 0;           //!< set by the store
  Seconds updated_at = 0;           //!< set by the store
};

//! Checks a trigger's own fields (name, type); returns "field: problem" lines.
std::vector<std::string> validate_trigger(const Trigger& trigger);

}  // namespace vigil
