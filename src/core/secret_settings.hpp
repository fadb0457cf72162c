#pragma once

#include <string>
#include <vector>

namespace vigil {

//! The settings of a notification channel that hold secrets. The API shows them masked, and a
//! change that leaves one out or sends the mask back keeps the stored value.
struct SecretSettings {
  std::vector<std::string> keys;  //!< text settings that are secrets, e.g. "token"
  std::string headers;  //!< a headers setting ([{key, value}]) whose credential values are secrets
};

}  // namespace vigil
