#pragma once

#include <string>
#include <string_view>

namespace vigil {

//! `c` in lower case (ASCII letters only; other bytes unchanged).
inline char to_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

//! `text` with its ASCII letters in lower case.
inline std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = to_lower(c);
  return out;
}

//! True when `a` and `b` are equal ignoring the case of ASCII letters.
inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

}  // namespace vigil
