#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "probes/dns/dns_record_type.hpp"

namespace vigil {

//! A DNS response reduced to what a check judges: its rcode and each answer of the asked type
//! as text (A/AAAA the address; CNAME/NS/PTR the name; MX "priority exchange"; TXT the joined
//! strings; SRV "priority weight port target"; CAA "flags tag value"; SOA "mname rname serial
//! refresh retry expire minimum"). Names carry no trailing dot.
struct DnsAnswer {
  int rcode = 0;                     //!< 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, ...
  std::vector<std::string> records;  //!< the answers of the asked type, in message order

  //! Parses a whole response message; an error names what is malformed (truncated, garbage).
  static Result<DnsAnswer> parse(std::span<const unsigned char> message, DnsRecordType type);
};

//! The rcode's mnemonic: NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, or "RCODE n".
std::string dns_rcode_name(int rcode);

}  // namespace vigil
