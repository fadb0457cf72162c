#pragma once

#include <string>
#include <vector>

#include "core/check_result.hpp"

namespace vigil {

//! What one DNS exchange brought back: the raw response message, or why there is none.
struct DnsReply {
  ErrorKind error = ErrorKind::kNone;  //!< kNone when `message` holds a response
  std::string error_message;           //!< what went wrong, without the server's name
  std::vector<unsigned char> message;  //!< the whole response message
};

}  // namespace vigil
