#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/heartbeat_board.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's HEARTBEAT monitor: passive. Something outside pushes to Vigil; on each scheduled tick
//! the probe judges the age of the last push: NO_DATA before the first, UP while younger than
//! degradedRemainingMinutes, DEGRADED until downRemainingMinutes, DOWN after (or when the last
//! push said status=down).
class HeartbeatProbe final : public Probe {
 public:
  //! Kener's HEARTBEAT type_data plus Vigil's generated push token.
  struct Settings {
    std::string secret;        //!< secretString: the Kener push URL's secret (may be empty)
    std::string push_token;    //!< pushToken: the Uptime Kuma push URL's token
    int degraded_minutes = 5;  //!< degradedRemainingMinutes
    int down_minutes = 10;     //!< downRemainingMinutes (greater than degraded)
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  HeartbeatProbe(const std::string& tag, Settings settings, const HeartbeatBoard& board);
  //! Probe: judges the last push's age; never touches the network.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  std::string tag_;
  Settings settings_;
  const HeartbeatBoard& board_;
};

//! The HEARTBEAT kind: its probes read `board`; prepare() generates a pushToken when the
//! monitor has none (keeping the stored one on updates).
ProbeKind heartbeat_probe_kind(const HeartbeatBoard& board);

}  // namespace vigil
