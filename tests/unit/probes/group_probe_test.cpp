// GROUP: Kener's weighted score over the members' live statuses, and waiting for their round.
#include "probes/group/group_probe.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "probe_harness.hpp"
#include "services/live_state.hpp"

namespace vigil::testing {
namespace {

constexpr const char* kTwoMembers =
    R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.5}]})";

class GroupProbeTest : public ::testing::Test {
 protected:
  void observe(const std::string& tag, Status status, double latency, Millis at_ms) {
    live_.observe(tag, LiveStatus{status, latency, at_ms, "REALTIME"}, 1);
  }
  GroupProbe probe(const std::string& type_data = kTwoMembers) {
    auto settings = GroupProbe::parse(type_data);
    EXPECT_TRUE(settings.ok()) << (settings.ok() ? "" : settings.error().message);
    return GroupProbe(*settings, live_);
  }
  Millis now() const { return SystemClock().now_ms(); }

  LiveState live_;
};

TEST_F(GroupProbeTest, ScoreFollowsKenersRules) {
  struct Case {
    Status a, b, expected;
  } cases[] = {
      {Status::kUp, Status::kUp, Status::kUp},
      {Status::kDown, Status::kDown, Status::kDown},
      {Status::kUp, Status::kDown, Status::kDegraded},
      {Status::kDegraded, Status::kDegraded, Status::kDegraded},
      {Status::kMaintenance, Status::kUp, Status::kUp},
  };
  for (const auto& c : cases) {
    observe("a", c.a, 10, now());
    observe("b", c.b, 30, now());
    EXPECT_EQ(probe().score().status, c.expected) << to_string(c.a) << " + " << to_string(c.b);
  }
}

TEST_F(GroupProbeTest, LatencyRuleAppliesToMembers) {
  observe("a", Status::kUp, 10, now());
  observe("b", Status::kUp, 30, now());
  EXPECT_DOUBLE_EQ(probe().score().latency_ms, 20);
  auto with = [](const char* rule) {
    return std::string(R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.5}],)") +
           R"("latencyCalculation":")" + rule + "\"}";
  };
  EXPECT_DOUBLE_EQ(probe(with("MAX")).score().latency_ms, 30);
  EXPECT_DOUBLE_EQ(probe(with("MIN")).score().latency_ms, 10);
}

TEST_F(GroupProbeTest, WeightsDecideTheScore) {
  observe("a", Status::kDown, 1, now());
  observe("b", Status::kUp, 1, now());
  auto group = probe(R"({"monitors":[{"tag":"a","weight":0.9},{"tag":"b","weight":0.1}]})");
  EXPECT_EQ(group.score().status, Status::kDegraded);
  EXPECT_NE(group.score().details.find("a=DOWN"), std::string::npos);
}

TEST_F(GroupProbeTest, WaitsForTheMembersOfTheSameRound) {
  // Both members last reported a minute ago: the group waits for fresh results.
  observe("a", Status::kDown, 1, now() - 60'000);
  observe("b", Status::kDown, 1, now() - 60'000);
  ProbeHarness harness;
  auto group = probe();
  boost::asio::steady_timer later(harness.io());
  later.expires_after(std::chrono::milliseconds(300));
  later.async_wait([&](boost::system::error_code) {
    observe("a", Status::kUp, 5, now());
    observe("b", Status::kUp, 5, now());
  });
  auto started = std::chrono::steady_clock::now();
  CheckResult result = harness.run(group);
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.status, Status::kUp) << "scored the old round";
  EXPECT_GE(waited, std::chrono::milliseconds(290));
  EXPECT_LT(waited, std::chrono::milliseconds(2000));
}

TEST_F(GroupProbeTest, GivesUpWaitingAfterTheTimeout) {
  observe("a", Status::kUp, 1, now() - 60'000);
  observe("b", Status::kDown, 1, now() - 60'000);
  ProbeHarness harness;
  auto group = probe(R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.5}],
                        "timeout":200})");
  auto started = std::chrono::steady_clock::now();
  CheckResult result = harness.run(group);
  EXPECT_EQ(result.status, Status::kDegraded);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(190));
}

TEST(GroupSettingsTest, RejectsBadMemberLists) {
  const char* bad[] = {
      R"({})",
      R"({"monitors":[{"tag":"a","weight":1}]})",
      R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.2}]})",
      R"({"monitors":[{"tag":"a","weight":0.5},{"weight":0.5}]})",
      R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.5,"x":1}]})",
      R"({"monitors":[{"tag":"a","weight":0.5},{"tag":"b","weight":0.5}],"latencyCalculation":"P99"})",
  };
  for (const char* type_data : bad) EXPECT_FALSE(GroupProbe::parse(type_data).ok()) << type_data;
  EXPECT_TRUE(
      GroupProbe::parse(R"({"monitors":[{"tag":"a","weight":0.333},{"tag":"b","weight":0.333},
      {"tag":"c","weight":0.334}],"executionDelay":1000,"latencyCalculation":"MAX"})")
          .ok());
}

TEST(GroupKindTest, DependenciesAreTheMembers) {
  LiveState live;
  ProbeKind kind = group_probe_kind(live);
  MonitorSpec spec;
  spec.type_data = kTwoMembers;
  EXPECT_EQ(kind.dependencies(spec), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace vigil::testing
