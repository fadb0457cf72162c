#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/check_result.hpp"
#include "probes/probe.hpp"

namespace vigil {

//! Where and how long to ask.
struct QueryTarget {
  std::string host;         //!< an IP literal or a name
  int port = 0;             //!< 1..65535
  long timeout_ms = 10000;  //!< for the whole query, resolution included
};

//! What a game server said about itself; empty fields were not reported.
struct ServerFacts {
  std::string name;                //!< server name / message of the day
  std::string map;                 //!< current map
  std::optional<int> players;      //!< players online
  std::optional<int> max_players;  //!< player slots
  std::string version;             //!< game or server version
};

//! How one query ended: facts and round-trip time, or why it failed.
struct QueryOutcome {
  ErrorKind error = ErrorKind::kNone;  //!< kNone when the server answered and the reply parsed
  std::string message;                 //!< what went wrong
  ServerFacts facts;                   //!< only when it answered
  double latency_ms = 0;               //!< round trip of the query that was answered
};

//! A failed outcome of `kind` with `message`.
QueryOutcome query_failure(ErrorKind kind, std::string message);

//! A whole decimal integer, or nullopt.
std::optional<int> parse_int(std::string_view text);

//! One game-server query protocol.
class GameQuery {
 public:
  virtual ~GameQuery() = default;
  //! Queries `target`; `done` is called exactly once, on the context's loop.
  virtual void run(ProbeContext& ctx, const QueryTarget& target,
                   std::function<void(QueryOutcome)> done) const = 0;
};

}  // namespace vigil
