#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigil {

//! A DNS record type a DNS monitor can look up, by its wire number.
enum class DnsRecordType : std::uint16_t {
  kA = 1,
  kNs = 2,
  kCname = 5,
  kSoa = 6,
  kPtr = 12,
  kMx = 15,
  kTxt = 16,
  kAaaa = 28,
  kSrv = 33,
  kCaa = 257,
};

//! The type named `name` (upper case, e.g. "MX"); nullopt for a type Vigil does not look up.
std::optional<DnsRecordType> parse_dns_record_type(std::string_view name);

//! The upper-case name, e.g. "AAAA".
std::string_view to_string(DnsRecordType type);

//! Every supported name, comma-separated, for error messages.
std::string_view dns_record_type_names();

}  // namespace vigil
