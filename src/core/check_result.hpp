#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/condition_outcome.hpp"
#include "core/status.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! Why a check failed, if it did.
enum class ErrorKind { kNone, kTimeout, kRefused, kDns, kTls, kProtocol, kError };

//! Lower-case name: none, timeout, refused, dns, tls, protocol, error.
std::string_view to_string(ErrorKind kind);

//! Kener's row type for a check: REALTIME when it answered, TIMEOUT, or ERROR.
std::string_view row_type(ErrorKind kind);

//! How long each phase of a network check took, in milliseconds (0 when it did not happen).
struct PhaseTimings {
  double dns_ms = 0;
  double connect_ms = 0;
  double tls_ms = 0;
  double first_byte_ms = 0;
  double total_ms = 0;
};

//! What one check observed; conditions and thresholds are evaluated on it afterwards.
struct CheckResult {
  std::string monitor_tag;
  std::uint64_t check_id = 0;   //!< unique per (monitor, due time); makes redelivery idempotent
  Millis due_ms = 0;            //!< when the scheduler wanted it to start
  Millis started_ms = 0;        //!< when it really started
  Status status = Status::kNoData;
  double latency_ms = 0;
  PhaseTimings phases;
  int http_code = 0;            //!< 0 when not HTTP or no response
  std::string body;             //!< only when a condition needs it
  std::optional<Millis> certificate_expiry_ms;
  std::string resolved_ip;
  int dns_rcode = -1;           //!< -1 when no DNS answer was involved
  ErrorKind error_kind = ErrorKind::kNone;
  std::string error_message;
  std::vector<ConditionOutcome> conditions;  //!< outcome of each condition, in order
  std::string details;  //!< type-specific facts, "key=value" pairs separated by "; "
};

//! A stable id for the check of `tag` due at `due_ms` (FNV-1a of both).
std::uint64_t make_check_id(std::string_view tag, Millis due_ms);

}  // namespace vigil
