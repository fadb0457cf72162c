#include "probes/dns/dns_record_type.hpp"

#include <array>
#include <utility>

namespace vigil {
namespace {

constexpr std::array<std::pair<DnsRecordType, std::string_view>, 10> kNames{{
    {DnsRecordType::kA, "A"},
    {DnsRecordType::kAaaa, "AAAA"},
    {DnsRecordType::kCname, "CNAME"},
    {DnsRecordType::kMx, "MX"},
    {DnsRecordType::kNs, "NS"},
    {DnsRecordType::kTxt, "TXT"},
    {DnsRecordType::kSoa, "SOA"},
    {DnsRecordType::kSrv, "SRV"},
    {DnsRecordType::kCaa, "CAA"},
    {DnsRecordType::kPtr, "PTR"},
}};

}  // namespace

std::optional<DnsRecordType> parse_dns_record_type(std::string_view name) {
  for (const auto& [type, text] : kNames) {
    if (text == name) return type;
  }
  return std::nullopt;
}

std::string_view to_string(DnsRecordType type) {
  for (const auto& [known, text] : kNames) {
    if (known == type) return text;
  }
  return "?";
}

std::string_view dns_record_type_names() {
  return "A, AAAA, CNAME, MX, NS, TXT, SOA, SRV, CAA, PTR";
}

}  // namespace vigil
