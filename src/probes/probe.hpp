#pragma once

#include <functional>

#include "core/check_result.hpp"
#include "core/clock.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

class CurlEngine;

//! What a probe may use while it runs: the event loop, the shared curl engine and the clock.
struct ProbeContext {
  boost::asio::io_context& io;
  CurlEngine& curl;
  const Clock& clock;
};

//! One monitor's check, built once from its type_data and run many times.
class Probe {
 public:
  virtual ~Probe() = default;
  //! Starts one check. `done` is called exactly once, on the context's event loop, with the
  //! observed status, latency, timings and error; the executor fills tag, ids and times.
  //! Failures are reported in the result, never thrown.
  virtual void run(ProbeContext& ctx, std::function<void(CheckResult)> done) = 0;
};

}  // namespace vigil
