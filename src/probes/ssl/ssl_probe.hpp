#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace boost::asio::ssl {
class context;
}

namespace vigil {

//! Kener's SSL monitor: a TLS handshake with the host, judged by the hours left before the
//! server certificate expires. Chain validity, hostname match and protocol are reported in
//! the result's details but never change the status.
class SslProbe final : public Probe {
 public:
  //! Kener's SSL type_data plus Vigil's timeout, servername and caFile, validated.
  struct Settings {
    std::string host;                       //!< a name or an IP literal (brackets allowed)
    int port = 443;                         //!< 1..65535; Kener sends it as a string
    double degraded_remaining_hours = 168;  //!< at most this many hours left → DEGRADED
    double down_remaining_hours = 24;       //!< at most this many hours left → DOWN; < degraded
    long timeout_ms = 10000;                //!< resolve, connect and handshake together
    std::string servername;  //!< SNI and the name checked against the certificate; host if unset
    std::string ca_file;     //!< PEM CA bundle to verify the chain against; system store if unset
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);
  //! A probe for `settings`; an error when its caFile cannot be loaded.
  static Result<std::unique_ptr<SslProbe>> create(Settings settings);

  //! A probe for `settings` that verifies chains with `tls`.
  SslProbe(Settings settings, std::shared_ptr<boost::asio::ssl::context> tls);
  //! Probe: connects, completes a TLS handshake and judges the peer certificate's expiry.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  struct Check;

  Settings settings_;
  std::shared_ptr<boost::asio::ssl::context> tls_;
};

//! The SSL kind for the registry.
ProbeKind ssl_probe_kind();

}  // namespace vigil
