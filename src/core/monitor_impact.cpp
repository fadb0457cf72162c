#include "core/monitor_impact.hpp"

#include <algorithm>
#include <set>

#include "core/monitor_spec.hpp"

namespace vigil {

std::vector<std::string> validate_monitor_impacts(const std::vector<MonitorImpact>& monitors,
                                                  std::initializer_list<Status> allowed) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const auto& m : monitors) {
    if (!is_valid_tag(m.monitor_tag)) {
      problems.push_back("monitors: '" + m.monitor_tag + "' is not a valid monitor tag");
    } else if (!seen.insert(m.monitor_tag).second) {
      problems.push_back("monitors: '" + m.monitor_tag + "' is listed twice");
    }
    if (std::find(allowed.begin(), allowed.end(), m.impact) == allowed.end()) {
      std::string names;
      for (Status s : allowed) names += (names.empty() ? "" : ", ") + std::string(to_string(s));
      problems.push_back("monitors: impact of '" + m.monitor_tag + "' must be one of " + names);
    }
  }
  return problems;
}

void sort_by_tag(std::vector<MonitorImpact>& monitors) {
  std::sort(monitors.begin(), monitors.end(), [](const MonitorImpact& a, const MonitorImpact& b) {
    return a.monitor_tag < b.monitor_tag;
  });
}

}  // namespace vigil
