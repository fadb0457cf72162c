#pragma once

#include <string>

namespace vigil {

//! How one condition fared on one check, kept in the result so a UI can show which one failed.
struct ConditionOutcome {
  std::string condition;  //!< the condition as written, e.g. "[STATUS] == 200"
  bool success = false;   //!< whether it held
  std::string actual;     //!< what was observed, e.g. "500", or why nothing was ("no value at 'a'")
};

}  // namespace vigil
