#include "core/check_result.hpp"

#include "core/fnv1a.hpp"

namespace vigil {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNone:
      return "none";
    case ErrorKind::kTimeout:
      return "timeout";
    case ErrorKind::kRefused:
      return "refused";
    case ErrorKind::kDns:
      return "dns";
    case ErrorKind::kTls:
      return "tls";
    case ErrorKind::kProtocol:
      return "protocol";
    case ErrorKind::kError:
      return "error";
  }
  return "error";
}

std::string_view row_type(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNone:
      return "REALTIME";
    case ErrorKind::kTimeout:
      return "TIMEOUT";
    default:
      return "ERROR";
  }
}

std::uint64_t make_check_id(std::string_view tag, Millis due_ms) {
  return Fnv1a().update(tag).update(static_cast<std::uint64_t>(due_ms)).value();
}

}  // namespace vigil
