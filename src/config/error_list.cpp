#include "config/error_list.hpp"

#include <algorithm>

namespace vigil {

void ErrorList::add(const YAML::Mark& mark, std::string message) {
  // yaml-cpp counts from 0 and uses -1 for "no position"; ConfigError counts from 1, 0 = unknown.
  const bool known = !mark.is_null();
  errors_.push_back(ConfigError{file_, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
                                std::move(message)});
}

std::vector<ConfigError> ErrorList::sorted() && {
  std::stable_sort(errors_.begin(), errors_.end(), [](const ConfigError& a, const ConfigError& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return std::move(errors_);
}

}  // namespace vigil
