#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's TCP monitor: opens a connection to every host in parallel; UP when all of them
//! accept, latency the mean connect time.
class TcpProbe final : public Probe {
 public:
  //! Kener's TCP type_data, validated.
  struct Settings {
    //! One host to connect to.
    struct Host {
      bool ipv6 = false;       //!< Kener's type: IP4 or IP6 (which family a name resolves to)
      std::string host;        //!< an IP literal or a name
      int port = 80;           //!< 1..65535
      long timeout_ms = 1000;  //!< resolve and connect
    };
    std::vector<Host> hosts;  //!< at least one
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings`.
  explicit TcpProbe(Settings settings);
  //! Probe: connects to every host and reports the first failure, if any.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  struct Attempt;
  struct Round;

  Settings settings_;
};

//! The TCP kind for the registry.
ProbeKind tcp_probe_kind();

}  // namespace vigil
