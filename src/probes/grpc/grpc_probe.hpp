#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's GRPC monitor: one grpc.health.v1.Health/Check call per check over HTTP/2 (cleartext
//! with prior knowledge, or TLS with ALPN h2) through the shared curl engine. SERVING is UP,
//! NOT_SERVING DOWN, UNKNOWN and SERVICE_UNKNOWN (or grpc-status NOT_FOUND) DEGRADED; any failed
//! call is DOWN.
class GrpcProbe final : public Probe {
 public:
  //! Kener's GRPC type_data, validated.
  struct Settings {
    std::string host;         //!< an IP literal or a name
    int port = 50051;         //!< 1..65535
    std::string service;      //!< empty: the whole server
    bool tls = false;         //!< TLS with ALPN h2 instead of cleartext HTTP/2
    bool insecure = false;    //!< with tls: skip certificate and hostname checks
    long timeout_ms = 10000;  //!< for the whole call
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! A probe for `settings`.
  explicit GrpcProbe(Settings settings);
  //! Probe: makes the call and classifies the answer or the failure.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  struct Call;

  Settings settings_;
  std::string url_;
  std::string request_;  // the framed HealthCheckRequest, the same for every check
};

//! The GRPC kind for the registry.
ProbeKind grpc_probe_kind();

}  // namespace vigil
