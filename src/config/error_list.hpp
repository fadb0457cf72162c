#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/mark.h>

#include "config/vigil_config.hpp"

namespace vigil {

//! Collects every problem found in one configuration file.
class ErrorList {
 public:
  explicit ErrorList(std::string file) : file_(std::move(file)) {}

  //! Records `message` at a yaml-cpp mark (0-based; a null mark means "position unknown").
  void add(const YAML::Mark& mark, std::string message);
  //! True when nothing has been recorded.
  bool empty() const { return errors_.empty(); }
  //! The errors ordered by line, then column, then the order they were found.
  std::vector<ConfigError> sorted() &&;

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

}  // namespace vigil
