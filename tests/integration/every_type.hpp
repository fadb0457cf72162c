#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vigil::testing {

//! One valid monitor of every type, as (monitor_type, type_data JSON) with Kener's field names.
//! The GROUP entry's members are the API and TCP monitors, tagged "every-api" and "every-tcp".
inline std::vector<std::pair<std::string, std::string>> every_monitor_type() {
  return {
      {"API", R"({"url":"http://127.0.0.1:9/health","method":"GET","timeout":2000})"},
      {"TCP", R"({"hosts":[{"type":"IP4","host":"127.0.0.1","port":9,"timeout":500}]})"},
      {"PING", R"({"hosts":[{"type":"IP4","host":"127.0.0.1","timeout":500,"count":1}]})"},
      {"DNS", R"({"host":"svc.test","lookupRecord":"A","matchType":"ANY","values":["10.0.0.1"],
                 "nameServer":"127.0.0.1:53"})"},
      {"SSL", R"({"host":"127.0.0.1","port":"443","degradedRemainingHours":168,
                 "downRemainingHours":24})"},
      {"SQL", R"({"dbType":"pg","connectionString":"postgresql://u:p@127.0.0.1:5432/db",
                 "query":"SELECT 1","timeout":1000})"},
      {"HEARTBEAT", R"({"secretString":"s3cret","degradedRemainingMinutes":5,
                       "downRemainingMinutes":10})"},
      {"GAMEDIG", R"({"gameId":"minecraft","host":"127.0.0.1","port":25565,"timeout":2000})"},
      {"GRPC", R"({"host":"127.0.0.1","port":50051,"service":"","tls":false})"},
      {"GROUP", R"({"monitors":[{"tag":"every-api","weight":0.5},{"tag":"every-tcp","weight":0.5}],
                   "executionDelay":1000,"latencyCalculation":"AVG"})"},
      {"NONE", R"({"overrideWithLastKnownStatus":true})"},
  };
}

}  // namespace vigil::testing
