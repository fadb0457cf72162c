#pragma once

#include <string_view>

namespace vigil {

//! Kener's status column: ACTIVE or INACTIVE.
inline std::string_view active_flag(bool active) {
  return active ? "ACTIVE" : "INACTIVE";
}

//! True when a Kener status column reads ACTIVE.
inline bool is_active_flag(std::string_view text) {
  return text == "ACTIVE";
}

//! Kener's YES / NO columns (is_hidden).
inline std::string_view yes_no_flag(bool yes) {
  return yes ? "YES" : "NO";
}

//! True when a Kener YES / NO column reads YES.
inline bool is_yes_flag(std::string_view text) {
  return text == "YES";
}

}  // namespace vigil
