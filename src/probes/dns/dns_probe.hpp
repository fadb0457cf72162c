#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "probes/dns/dns_record_type.hpp"
#include "probes/probe.hpp"
#include "probes/probe_registry.hpp"

namespace vigil {

//! Kener's DNS monitor: asks one name server (over UDP, TCP or TLS) for one record type and
//! compares the answers with the expected values (ANY or ALL of them); without values, UP when
//! any record of the type came back. The rcode is always reported; NXDOMAIN is DOWN.
class DnsProbe final : public Probe {
 public:
  //! How the query travels: c-ares over UDP or TCP, or DNS-over-TLS.
  enum class Transport { kUdp, kTcp, kTls };

  //! Kener's DNS type_data, validated; values are normalised (trimmed, lower case, no final dot).
  struct Settings {
    std::string host;                               //!< the name looked up
    DnsRecordType record_type = DnsRecordType::kA;  //!< Kener's lookupRecord
    bool match_all = false;                         //!< matchType ALL (default ANY)
    std::vector<std::string> values;                //!< expected answers, normalised
    std::string server_ip;                  //!< nameServer's address; empty: the system's resolvers
    int server_port = 53;                   //!< nameServer's port
    Transport transport = Transport::kUdp;  //!< UDP (default), TCP, or TLS (DNS-over-TLS)
    int tls_port = 853;                     //!< the server's DNS-over-TLS port
    std::string tls_server_name;            //!< SNI and verified name; empty: the address
    bool allow_self_signed = false;         //!< TLS without chain or name verification
    long timeout_ms = 5000;                 //!< the whole lookup
  };

  //! Parses and validates type_data; the error names every bad field.
  static Result<Settings> parse(std::string_view type_data);

  //! Kener's normal form of a value or an answer: trimmed, lower case, one trailing dot dropped.
  static std::string normalise(std::string_view text);

  //! A probe for `settings`.
  explicit DnsProbe(Settings settings);
  //! Probe: one lookup, judged against the expected values.
  void run(ProbeContext& ctx, std::function<void(CheckResult)> done) override;

 private:
  Settings settings_;
};

//! The DNS kind for the registry.
ProbeKind dns_probe_kind();

}  // namespace vigil
