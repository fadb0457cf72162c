#include "probes/sql/sql_request.hpp"

namespace vigil {

CheckResult SqlRequest::result(ErrorKind kind, std::string_view message, const PhaseTimings& phases,
                               std::string resolved_ip) const {
  CheckResult result;
  result.status = kind == ErrorKind::kNone ? Status::kUp : Status::kDown;
  result.error_kind = kind;
  if (kind != ErrorKind::kNone) {
    // Drivers end their messages with newlines and indent continuation lines.
    std::string_view trimmed = message.substr(0, message.find_last_not_of(" \t\r\n") + 1);
    result.error_message = scrubber.scrub(trimmed);
  }
  result.latency_ms = phases.total_ms;
  result.phases = phases;
  result.resolved_ip = std::move(resolved_ip);
  return result;
}

std::string SqlRequest::timeout_message() const {
  return "timed out after " + std::to_string(timeout_ms) + " ms";
}

}  // namespace vigil
