#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/live_status.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's GROUP monitor: a weighted score over its members' live statuses (UP 1, DEGRADED 0.5,
//! DOWN 0, anything else 1); score 1 → UP, 0 → DOWN, otherwise DEGRADED. It waits until every
//! member has reported a check that started at or after the group's own start (the same round),
//! or until `timeout`, then scores what it has.
class GroupProbe final : public Probe {
 public:
  //! How the group's latency is derived from its members'.
  enum class LatencyRule { kAverage, kMaximum, kMinimum };

  //! Kener's GROUP type_data.
  struct Settings {
    //! One member and its weight.
    struct Member {
      std::string tag;
      double weight = 0;
    };
    std::vector<Member> members;  //!< at least two; weights sum to 1 ± 0.01
    LatencyRule latency = LatencyRule::kAverage;
    long timeout_ms = 60000;  //!< Vigil: longest wait for the members' round
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  GroupProbe(Settings settings, const LiveStatusSource& live);
  //! Probe: waits for the members' round, then scores it.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;
  //! The score and result for the members' current statuses (exposed for tests).
  CheckResult score() const;

 private:
  struct Wait;

  Settings settings_;
  const LiveStatusSource& live_;
};

//! The GROUP kind: its probes read `live`; its dependencies are the member tags.
ProbeKind group_probe_kind(const LiveStatusSource& live);

}  // namespace vigil
