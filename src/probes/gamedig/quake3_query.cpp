#include "probes/gamedig/quake3_query.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "probes/gamedig/udp_conversation.hpp"

namespace vigil {
namespace {

constexpr std::string_view kRequest = "\xFF\xFF\xFF\xFFgetstatus";
constexpr std::string_view kReplyHeader = "\xFF\xFF\xFF\xFFstatusResponse\n";

// Quake 3 colours text with ^ and one character; a user wants the plain name.
std::string strip_colours(std::string_view text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '^' && i + 1 < text.size()) {
      ++i;
      continue;
    }
    plain += text[i];
  }
  return plain;
}

// "\key\value\key\value" → map; nullopt when it does not start with '\' or a key lacks a value.
std::optional<std::map<std::string, std::string, std::less<>>> parse_variables(
    std::string_view line) {
  if (line.empty() || line.front() != '\\') return std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = line.find('\\', start);
    parts.push_back(line.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() % 2 != 0) return std::nullopt;
  std::map<std::string, std::string, std::less<>> variables;
  for (std::size_t i = 0; i < parts.size(); i += 2) {
    variables[std::string(parts[i])] = std::string(parts[i + 1]);
  }
  return variables;
}

// A player line: score ping "name".
bool is_player_line(std::string_view line) {
  std::size_t first = line.find(' ');
  if (first == std::string_view::npos || !parse_int(line.substr(0, first))) return false;
  std::size_t second = line.find(' ', first + 1);
  if (second == std::string_view::npos || !parse_int(line.substr(first + 1, second - first - 1)))
    return false;
  std::string_view name = line.substr(second + 1);
  return name.size() >= 2 && name.front() == '"' && name.back() == '"';
}

}  // namespace

QueryOutcome Quake3Query::parse_status(std::span<const std::uint8_t> reply) {
  std::string_view text(reinterpret_cast<const char*>(reply.data()), reply.size());
  if (!text.starts_with(kReplyHeader)) {
    return query_failure(ErrorKind::kProtocol, "not a Quake 3 statusResponse");
  }
  text.remove_prefix(kReplyHeader.size());
  std::size_t end_of_variables = text.find('\n');
  auto variables = parse_variables(text.substr(0, end_of_variables));
  if (!variables) return query_failure(ErrorKind::kProtocol, "malformed server variables");
  int players = 0;
  std::string_view lines =
      end_of_variables == std::string_view::npos ? "" : text.substr(end_of_variables + 1);
  while (!lines.empty()) {
    std::size_t newline = lines.find('\n');
    if (newline == std::string_view::npos) {
      return query_failure(ErrorKind::kProtocol, "truncated player line");
    }
    if (!is_player_line(lines.substr(0, newline))) {
      return query_failure(ErrorKind::kProtocol, "malformed player line");
    }
    ++players;
    lines.remove_prefix(newline + 1);
  }
  QueryOutcome outcome;
  auto value = [&](std::string_view key) -> std::string {
    auto found = variables->find(key);
    return found == variables->end() ? "" : found->second;
  };
  outcome.facts.name = strip_colours(value("sv_hostname"));
  outcome.facts.map = value("mapname");
  outcome.facts.players = players;
  outcome.facts.max_players = parse_int(value("sv_maxclients"));
  outcome.facts.version = value("version");
  return outcome;
}

void Quake3Query::run(ProbeContext& ctx, const QueryTarget& target,
                      std::function<void(QueryOutcome)> done) const {
  std::vector<std::uint8_t> request(kRequest.begin(), kRequest.end());
  run_udp_conversation(
      ctx, target, std::move(request),
      [](std::span<const std::uint8_t> reply) -> UdpStep { return parse_status(reply); },
      std::move(done));
}

}  // namespace vigil
