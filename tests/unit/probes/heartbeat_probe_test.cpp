// HEARTBEAT: the age of the last push against Kener's thresholds, and the push-token prepare step.
#include "probes/heartbeat/heartbeat_probe.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "probe_harness.hpp"

namespace vigil::testing {
namespace {

constexpr Millis kMinuteMs = 60'000;

class HeartbeatProbeTest : public ::testing::Test {
 protected:
  CheckResult check_after_push(Millis age_ms, Status pushed = Status::kUp) {
    board_.record("job",
                  HeartbeatSignal{SystemClock().now_ms() - age_ms, pushed, "", std::nullopt});
    return check();
  }
  CheckResult check() {
    auto settings = HeartbeatProbe::parse(R"({"secretString":"x","degradedRemainingMinutes":5,
                                              "downRemainingMinutes":10})");
    EXPECT_TRUE(settings.ok());
    HeartbeatProbe probe("job", *settings, board_);
    return harness_.run(probe);
  }

  HeartbeatBoard board_;
  ProbeHarness harness_;
};

TEST_F(HeartbeatProbeTest, NoDataBeforeTheFirstPush) {
  EXPECT_EQ(check().status, Status::kNoData);
}

TEST_F(HeartbeatProbeTest, FreshPushIsUpWithItsAgeAsLatency) {
  auto result = check_after_push(30'000);
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_GE(result.latency_ms, 30'000);
  EXPECT_LT(result.latency_ms, 40'000);
}

TEST_F(HeartbeatProbeTest, OlderThanDegradedIsDegraded) {
  EXPECT_EQ(check_after_push(6 * kMinuteMs).status, Status::kDegraded);
}

TEST_F(HeartbeatProbeTest, OlderThanDownIsDownWithTimeout) {
  auto result = check_after_push(11 * kMinuteMs);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kTimeout);
}

TEST_F(HeartbeatProbeTest, PushedDownIsDownEvenWhenFresh) {
  EXPECT_EQ(check_after_push(1000, Status::kDown).status, Status::kDown);
}

TEST_F(HeartbeatProbeTest, PushedPingIsTheLatency) {
  board_.record("job", HeartbeatSignal{SystemClock().now_ms(), Status::kUp, "ok", 42.0});
  EXPECT_DOUBLE_EQ(check().latency_ms, 42.0);
}

TEST(HeartbeatSettingsTest, DownMustBeLongerThanDegradedAndUnknownKeysAreRejected) {
  EXPECT_FALSE(
      HeartbeatProbe::parse(R"({"degradedRemainingMinutes":10,"downRemainingMinutes":5})"));
  EXPECT_FALSE(HeartbeatProbe::parse(R"({"secretString":"x","colour":"red"})"));
  auto defaults = HeartbeatProbe::parse("{}");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->degraded_minutes, 5);
  EXPECT_EQ(defaults->down_minutes, 10);
}

TEST(HeartbeatKindTest, PrepareGeneratesATokenAndKeepsTheStoredOne) {
  HeartbeatBoard board;
  ProbeKind kind = heartbeat_probe_kind(board);
  MonitorSpec spec;
  spec.monitor_type = "HEARTBEAT";
  spec.type_data = R"({"secretString":"x"})";
  kind.prepare(spec, nullptr);
  auto first = HeartbeatProbe::parse(spec.type_data);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->push_token.size(), 32u);

  MonitorSpec edited = spec;
  edited.type_data = R"({"secretString":"y"})";
  kind.prepare(edited, &spec);
  EXPECT_EQ(HeartbeatProbe::parse(edited.type_data)->push_token, first->push_token);

  MonitorSpec other;
  other.type_data = "{}";
  kind.prepare(other, nullptr);
  EXPECT_NE(HeartbeatProbe::parse(other.type_data)->push_token, first->push_token);
}

}  // namespace
}  // namespace vigil::testing
