#pragma once

#include <map>
#include <string>

namespace vigil::testing {

//! What a blocking test request got back.
struct ClientResponse {
  int status = 0;  //!< 0 when the request failed
  std::string body;
  std::map<std::string, std::string> headers;  //!< names in lower case
  std::string error;                           //!< curl's message when status is 0
};

//! A blocking HTTP request for tests (libcurl easy), with a 10 s limit.
ClientResponse http_request(const std::string& method, const std::string& url,
                            const std::string& body = "",
                            const std::map<std::string, std::string>& headers = {});

}  // namespace vigil::testing
