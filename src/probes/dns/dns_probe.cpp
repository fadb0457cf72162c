#include "probes/dns/dns_probe.hpp"

#include <arpa/inet.h>

#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>

#include "probes/dns/ares_lookup.hpp"
#include "probes/dns/dns_answer.hpp"
#include "probes/dns/dot_lookup.hpp"
#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;
using SteadyClock = std::chrono::steady_clock;

constexpr long kMaxTimeoutMs = 5 * 60 * 1000;
constexpr std::string_view kNameServerForms = "must be an IP address, IP:port or [IPv6]:port";

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string trim(const std::string& text) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  auto begin = std::find_if_not(text.begin(), text.end(), space);
  auto end = std::find_if_not(text.rbegin(), std::make_reverse_iterator(begin), space).base();
  return std::string(begin, end);
}

bool is_ip(const std::string& text, int family) {
  unsigned char storage[sizeof(in6_addr)];
  return inet_pton(family, text.c_str(), storage) == 1;
}

// Splits Kener's nameServer ("IP", "IP:port", "[IPv6]:port", a bare IPv6) into the settings.
bool read_name_server(const std::string& text, DnsProbe::Settings& settings) {
  std::string ip = text;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    std::size_t close = text.find(']');
    if (close == std::string::npos) return false;
    ip = text.substr(1, close - 1);
    std::string rest = text.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || rest.size() == 1)) return false;
    if (!rest.empty()) port = rest.substr(1);
    if (!is_ip(ip, AF_INET6)) return false;
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    std::size_t colon = text.find(':');
    ip = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (!is_ip(ip, AF_INET)) return false;
  } else if (!is_ip(ip, AF_INET) && !is_ip(ip, AF_INET6)) {
    return false;
  }
  if (!port.empty()) {
    int number = 0;
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (error != std::errc() || end != port.data() + port.size() || number < 1 || number > 65535) {
      return false;
    }
    settings.server_port = number;
  }
  settings.server_ip = ip;
  return true;
}

void read_values(TypeDataReader& reader, DnsProbe::Settings& settings) {
  const json::value* values = reader.raw("values");
  if (values == nullptr) return;
  if (!values->is_array()) return reader.fail("values", "must be a list of strings");
  for (const json::value& value : values->get_array()) {
    if (!value.is_string()) return reader.fail("values", "must be a list of strings");
    std::string normal = DnsProbe::normalise(value.get_string());
    if (!normal.empty()) settings.values.push_back(std::move(normal));
  }
}

std::string server_text(const DnsProbe::Settings& settings) {
  if (settings.server_ip.empty()) return "";
  bool ipv6 = settings.server_ip.find(':') != std::string::npos;
  bool tls = settings.transport == DnsProbe::Transport::kTls;
  return (ipv6 ? "[" + settings.server_ip + "]" : settings.server_ip) + ":" +
         std::to_string(tls ? settings.tls_port : settings.server_port);
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

// The texts an answer can be matched by: itself, and for MX also just the exchange (Kener).
std::vector<std::string> matchable(const DnsAnswer& answer, DnsRecordType type) {
  std::vector<std::string> found;
  for (const std::string& record : answer.records) {
    found.push_back(DnsProbe::normalise(record));
    if (type == DnsRecordType::kMx)
      found.push_back(DnsProbe::normalise(record.substr(record.find(' ') + 1)));
  }
  return found;
}

// "host TYPE", how messages name what was asked.
std::string question(const DnsProbe::Settings& settings) {
  return settings.host + " " + std::string(to_string(settings.record_type));
}

void fail(CheckResult& result, ErrorKind kind, std::string message) {
  result.status = Status::kDown;
  result.error_kind = kind;
  result.error_message = std::move(message);
}

// Judges the answers of a NOERROR response against the expected values.
void judge_answers(const DnsProbe::Settings& settings, const DnsAnswer& answer,
                   CheckResult& result) {
  std::string asked = question(settings);
  if (answer.records.empty()) return fail(result, ErrorKind::kDns, "no " + asked + " records");
  if (settings.values.empty()) return;
  std::vector<std::string> found = matchable(answer, settings.record_type);
  std::vector<std::string> missing;
  for (const std::string& value : settings.values) {
    if (std::find(found.begin(), found.end(), value) == found.end()) missing.push_back(value);
  }
  bool matched = settings.match_all ? missing.empty() : missing.size() < settings.values.size();
  if (matched) return;
  fail(result, ErrorKind::kDns,
       asked + ": expected " + (settings.match_all ? "all" : "any") + " of [" +
           join(settings.values) + "], found [" + join(answer.records) + "]");
}

CheckResult judge(const DnsProbe::Settings& settings, const DnsReply& reply, double elapsed_ms) {
  CheckResult result;
  result.status = Status::kUp;
  result.latency_ms = elapsed_ms;
  result.phases.dns_ms = elapsed_ms;
  result.phases.total_ms = elapsed_ms;
  std::string server = server_text(settings);
  std::string from = server.empty() ? "the system resolver" : server;
  if (reply.error != ErrorKind::kNone) {
    fail(result, reply.error, from + ": " + reply.error_message);
    return result;
  }
  auto answer = DnsAnswer::parse(reply.message, settings.record_type);
  if (!answer) {
    fail(result, ErrorKind::kProtocol, from + ": " + answer.error().message);
    return result;
  }
  result.dns_rcode = answer->rcode;
  result.details = "rcode=" + dns_rcode_name(answer->rcode) + "; answers=" + join(answer->records);
  bool address =
      settings.record_type == DnsRecordType::kA || settings.record_type == DnsRecordType::kAaaa;
  if (address && !answer->records.empty()) result.resolved_ip = answer->records.front();
  if (answer->rcode != 0) {
    fail(result, ErrorKind::kDns, question(settings) + ": " + dns_rcode_name(answer->rcode));
    return result;
  }
  judge_answers(settings, *answer, result);
  return result;
}

}  // namespace

Result<DnsProbe::Settings> DnsProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  auto host = reader->string("host", true);
  if (host) settings.host = trim(*host);
  if (host && settings.host.empty()) reader->fail("host", "must not be empty");
  std::string record = upper(reader->string("lookupRecord").value_or("A"));
  if (auto type = parse_dns_record_type(record)) {
    settings.record_type = *type;
  } else {
    reader->fail("lookupRecord", "must be one of " + std::string(dns_record_type_names()));
  }
  std::string match = upper(reader->string("matchType").value_or("ANY"));
  if (match != "ANY" && match != "ALL") reader->fail("matchType", "must be ANY or ALL");
  settings.match_all = match == "ALL";
  read_values(*reader, settings);
  std::string server = trim(reader->string("nameServer").value_or(""));
  if (!server.empty() && !read_name_server(server, settings)) {
    reader->fail("nameServer", kNameServerForms);
  }
  std::string transport = upper(reader->string("transport").value_or("UDP"));
  if (transport == "TCP") {
    settings.transport = Transport::kTcp;
  } else if (transport == "TLS") {
    settings.transport = Transport::kTls;
    if (server.empty()) reader->fail("nameServer", "is required when transport is TLS");
  } else if (transport != "UDP") {
    reader->fail("transport", "must be UDP, TCP or TLS");
  }
  settings.tls_port = static_cast<int>(reader->integer("tlsPort", 1, 65535).value_or(853));
  settings.tls_server_name = trim(reader->string("tlsServername").value_or(""));
  settings.allow_self_signed = reader->boolean("allowSelfSignedCert").value_or(false);
  settings.timeout_ms = reader->integer("timeout", 1, kMaxTimeoutMs).value_or(settings.timeout_ms);
  if (auto error = reader->finish()) return *error;
  return settings;
}

std::string DnsProbe::normalise(std::string_view text) {
  std::string normal = trim(std::string(text));
  std::transform(normal.begin(), normal.end(), normal.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!normal.empty() && normal.back() == '.') normal.pop_back();
  return normal;
}

DnsProbe::DnsProbe(Settings settings) : settings_(std::move(settings)) {}

void DnsProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  auto started = SteadyClock::now();
  auto report = [settings = settings_, started, done = std::move(done)](DnsReply reply) {
    double elapsed_ms =
        std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count();
    done(judge(settings, reply, elapsed_ms));
  };
  if (settings_.transport == Transport::kTls) {
    DotQuery query;
    query.name = settings_.host;
    query.type = settings_.record_type;
    query.server_ip = settings_.server_ip;
    query.port = settings_.tls_port;
    query.server_name = settings_.tls_server_name;
    query.allow_self_signed = settings_.allow_self_signed;
    query.timeout_ms = settings_.timeout_ms;
    return dot_lookup(ctx.io, query, std::move(report));
  }
  AresQuery query;
  query.name = settings_.host;
  query.type = settings_.record_type;
  query.servers = server_text(settings_);
  query.tcp = settings_.transport == Transport::kTcp;
  query.timeout_ms = settings_.timeout_ms;
  ares_lookup(ctx.io, query, std::move(report));
}

ProbeKind dns_probe_kind() {
  return parsed_probe_kind<DnsProbe>("DNS");
}

}  // namespace vigil
