#pragma once

#include <boost/json.hpp>

#include <string>

#include "http_client.hpp"

namespace vigil::testing {

//! The response body as JSON (a test failure, and null, when it is not JSON).
boost::json::value parse_json(const ClientResponse& response);

//! The `error.code` of a {"error":{code,message}} body, or a description of what came instead.
std::string error_code(const ClientResponse& response);

}  // namespace vigil::testing
