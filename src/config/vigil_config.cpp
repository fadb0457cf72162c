#include "config/vigil_config.hpp"

namespace vigil {

std::string ConfigError::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

}  // namespace vigil
