#pragma once

#include <string>
#include <string_view>

#include "core/check_result.hpp"
#include "probes/sql/secret_scrubber.hpp"

namespace vigil {

//! One SQL check to run: where, what and for how long, with the secrets to keep out of results.
struct SqlRequest {
  std::string connection;   //!< the connection string, `$NAME` already substituted
  std::string query;        //!< run once; its rows are read and discarded
  long timeout_ms = 5000;   //!< connect and query together
  SecretScrubber scrubber;  //!< applied to every message the check reports

  //! The check's result: UP when `kind` is kNone, else DOWN with `message`, scrubbed;
  //! latency is `phases.total_ms`.
  CheckResult result(ErrorKind kind, std::string_view message, const PhaseTimings& phases,
                     std::string resolved_ip = "") const;
  //! The message reported when the deadline passes.
  std::string timeout_message() const;
};

}  // namespace vigil
