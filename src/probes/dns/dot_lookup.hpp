#pragma once

#include <functional>
#include <string>

#include "probes/dns/dns_record_type.hpp"
#include "probes/dns/dns_reply.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

//! One DNS question sent over TLS (DNS-over-TLS, RFC 7858) to one server.
struct DotQuery {
  std::string name;                        //!< the name asked about
  DnsRecordType type = DnsRecordType::kA;  //!< the record type asked for
  std::string server_ip;                   //!< the server's address
  int port = 853;                          //!< its DNS-over-TLS port
  std::string server_name;         //!< sent as SNI and verified; empty: the address is verified
  bool allow_self_signed = false;  //!< skip chain and name verification
  long timeout_ms = 5000;          //!< connect, handshake, query and answer
};

//! Sends `query` on `io`: TCP connect, TLS handshake, one length-prefixed query and its answer;
//! calls `done` exactly once, from the loop.
void dot_lookup(boost::asio::io_context& io, const DotQuery& query,
                std::function<void(DnsReply)> done);

}  // namespace vigil
