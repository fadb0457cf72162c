#pragma once

#include <string>

namespace vigil {

//! How one attempt to deliver a message went.
struct SendOutcome {
  bool delivered = false;  //!< the far side accepted it
  bool retryable = false;  //!< when not delivered: worth trying again later
  std::string error;       //!< why not, when not delivered
};

}  // namespace vigil
