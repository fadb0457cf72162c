#include "core/error.hpp"

namespace vigil {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "BAD_REQUEST";
    case ErrorCode::kUnauthorized:
      return "UNAUTHORIZED";
    case ErrorCode::kNotFound:
      return "NOT_FOUND";
    case ErrorCode::kConflict:
      return "CONFLICT";
    case ErrorCode::kInternal:
      return "INTERNAL_ERROR";
  }
  return "INTERNAL_ERROR";
}

Error bad_request(const std::vector<std::string>& problems) {
  Error error{ErrorCode::kBadRequest, ""};
  for (const auto& problem : problems) {
    error.message += (error.message.empty() ? "" : "; ") + problem;
  }
  return error;
}

}  // namespace vigil
