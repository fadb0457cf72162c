#pragma once

#include <functional>
#include <string>

#include "probes/dns/dns_record_type.hpp"
#include "probes/dns/dns_reply.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

//! One DNS question for c-ares: what to ask, whom, over which transport, and how long to wait.
struct AresQuery {
  std::string name;                        //!< the name asked about
  DnsRecordType type = DnsRecordType::kA;  //!< the record type asked for
  std::string servers;     //!< c-ares server list ("127.0.0.1:5353", "[::1]:53"); empty: system's
  bool tcp = false;        //!< TCP instead of UDP
  long timeout_ms = 5000;  //!< the whole lookup, including retries
};

//! Sends `query` through a fresh c-ares channel whose sockets and timers run on `io`; calls
//! `done` exactly once, from the loop, after the channel is gone.
void ares_lookup(boost::asio::io_context& io, const AresQuery& query,
                 std::function<void(DnsReply)> done);

}  // namespace vigil
