#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's PING monitor: sends ICMP echoes to every host in parallel; UP when every host answers
//! at least one, latency the mean over hosts of each host's mean round trip. Packet loss is
//! reported in the result's details.
class PingProbe final : public Probe {
 public:
  //! Kener's PING type_data, validated.
  struct Settings {
    //! One host to ping.
    struct Host {
      bool ipv6 = false;       //!< Kener's type: IP4 or IP6 (which family a name resolves to)
      std::string host;        //!< an IP literal (its own family wins) or a name
      long timeout_ms = 1000;  //!< resolving and waiting for replies, from the start of the check
      int count = 3;           //!< echoes to send, 1..100
    };
    std::vector<Host> hosts;  //!< at least one
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings`.
  explicit PingProbe(Settings settings);
  //! Probe: pings every host and reports the first that did not answer, if any.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  struct Pinger;
  struct Round;

  Settings settings_;
};

//! The PING kind for the registry.
ProbeKind ping_probe_kind();

}  // namespace vigil
