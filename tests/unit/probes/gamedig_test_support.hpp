#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "probe_harness.hpp"
#include "probes/gamedig/gamedig_probe.hpp"

namespace vigil::testing {

//! A check's result and how long it took on the wall clock.
struct TimedCheck {
  CheckResult result;
  double elapsed_ms = 0;
};

//! Builds a GAMEDIG probe from `type_data` (which must be valid) and runs one check.
inline TimedCheck run_gamedig(const std::string& type_data) {
  auto settings = GamedigProbe::parse(type_data);
  EXPECT_TRUE(settings.ok()) << (settings.ok() ? "" : settings.error().message);
  if (!settings.ok()) return {};
  GamedigProbe probe(std::move(*settings));
  ProbeHarness harness;
  auto started = std::chrono::steady_clock::now();
  CheckResult result = harness.run(probe);
  return {std::move(result),
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count()};
}

//! type_data for `game_id` at 127.0.0.1:`port` with `timeout_ms`.
inline std::string gamedig_type_data(const std::string& game_id, int port, int timeout_ms = 3000) {
  return R"({"gameId":")" + game_id + R"(","host":"127.0.0.1","port":)" + std::to_string(port) +
         R"(,"timeout":)" + std::to_string(timeout_ms) + "}";
}

}  // namespace vigil::testing
