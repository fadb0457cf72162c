// GROUP monitors in a real process: scored from the members' results, members must exist, no
// cycles.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "counting_listener.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

std::string tcp_monitor(const std::string& tag, int port) {
  return R"({"tag":")" + tag + R"(","name":")" + tag +
         R"(","monitor_type":"TCP","cron":"* * * * *","interval_seconds":null,
             "type_data":{"hosts":[{"type":"IP4","host":"127.0.0.1","port":)" +
         std::to_string(port) + "}]}}";
}

std::string group(const std::string& tag, const std::string& a, const std::string& b) {
  return R"({"tag":")" + tag + R"(","name":")" + tag + R"(","monitor_type":"GROUP",
             "type_data":{"monitors":[{"tag":")" +
         a + R"(","weight":0.5},{"tag":")" + b + R"(","weight":0.5}]}})";
}

TEST(GroupTest, AGroupOfOneUpAndOneDownMemberIsDegraded) {
  CountingListener listener;
  RunningVigil vigil(R"(
monitors:
  - tag: both
    name: Both services
    monitor_type: GROUP
    interval_seconds: 1
    type_data:
      monitors:
        - {tag: alive, weight: 0.5}
        - {tag: dead, weight: 0.5}
  - tag: alive
    name: Alive
    monitor_type: TCP
    interval_seconds: 1
    type_data:
      hosts: [{type: IP4, host: 127.0.0.1, port: )" +
                     std::to_string(listener.port()) + R"(}]
  - tag: dead
    name: Dead
    monitor_type: TCP
    interval_seconds: 1
    type_data:
      hosts: [{type: IP4, host: 127.0.0.1, port: 1}]
)");
  std::string status;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (status != "DEGRADED" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto r =
        vigil.api("GET", "/api/v4/monitors/both/data?start_ts=" + std::to_string(now_s() - 300) +
                             "&end_ts=" + std::to_string(now_s() + 120));
    ASSERT_EQ(r.status, 200) << r.body;
    json::value body = json::parse(r.body);
    const auto& rows = body.at("data").as_array();
    if (!rows.empty()) status = std::string(rows.back().at("status").as_string());
  }
  EXPECT_EQ(status, "DEGRADED") << vigil.log();
}

TEST(GroupTest, MembersMustExistAndGroupsMustNotFormACycle) {
  RunningVigil vigil;
  ASSERT_EQ(vigil.api("POST", "/api/v4/monitors", tcp_monitor("a", 1)).status, 201);
  ASSERT_EQ(vigil.api("POST", "/api/v4/monitors", tcp_monitor("b", 1)).status, 201);

  auto missing = vigil.api("POST", "/api/v4/monitors", group("g0", "a", "ghost"));
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("ghost"), std::string::npos) << missing.body;

  ASSERT_EQ(vigil.api("POST", "/api/v4/monitors", group("g1", "a", "b")).status, 201);
  ASSERT_EQ(vigil.api("POST", "/api/v4/monitors", group("g2", "g1", "a")).status, 201);
  auto cycle = vigil.api(
      "PATCH", "/api/v4/monitors/g1",
      R"({"type_data":{"monitors":[{"tag":"g2","weight":0.5},{"tag":"b","weight":0.5}]}})");
  EXPECT_EQ(cycle.status, 400);
  EXPECT_NE(cycle.body.find("cycle"), std::string::npos) << cycle.body;
  auto self = vigil.api("POST", "/api/v4/monitors", group("g3", "g3", "a"));
  EXPECT_EQ(self.status, 400);
}

}  // namespace
}  // namespace vigil::testing
