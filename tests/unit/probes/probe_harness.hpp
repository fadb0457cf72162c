#pragma once

#include <memory>

#include "core/check_result.hpp"
#include "core/clock.hpp"
#include "probes/probe.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil::testing {

//! An event loop, a curl engine and a clock for running probes in tests.
class ProbeHarness {
 public:
  ProbeHarness();
  ~ProbeHarness();

  //! Runs one check of `probe` to completion (at most 10 s) and returns its result.
  CheckResult run(Probe& probe);
  //! The loop, for tests that drive it themselves.
  boost::asio::io_context& io();
  //! The engine on that loop.
  CurlEngine& curl();
  //! The context handed to probes.
  ProbeContext& context();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace vigil::testing
