#include "probe_harness.hpp"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <optional>

#include "net/curl_engine.hpp"

namespace vigil::testing {

struct ProbeHarness::Parts {
  boost::asio::io_context io{1};
  CurlEngine curl{io};
  SystemClock clock;
  ProbeContext context{io, curl, clock};
};

ProbeHarness::ProbeHarness() : parts_(std::make_unique<Parts>()) {}

ProbeHarness::~ProbeHarness() = default;

CheckResult ProbeHarness::run(Probe& probe) {
  std::optional<CheckResult> result;
  probe.run(parts_->context, [&](CheckResult r) { result = std::move(r); });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  parts_->io.restart();
  while (!result && std::chrono::steady_clock::now() < deadline) {
    parts_->io.run_one_for(std::chrono::milliseconds(100));
  }
  if (!result) {
    CheckResult missing;
    missing.error_message = "probe did not finish within 10 s";
    return missing;
  }
  return *result;
}

boost::asio::io_context& ProbeHarness::io() {
  return parts_->io;
}

CurlEngine& ProbeHarness::curl() {
  return parts_->curl;
}

ProbeContext& ProbeHarness::context() {
  return parts_->context;
}

}  // namespace vigil::testing
