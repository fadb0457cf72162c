#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_message.hpp"

namespace vigil {

//! Fills request.path (percent-decoded) and request.query ('+' read as a space, last value wins)
//! from an origin-form ("/a?b=c") or absolute-form target; false when the target is malformed.
bool parse_request_target(std::string_view target, HttpRequest& request);

//! Splits a path into its segments as they are, a trailing slash ignored ("/a/b/" gives {"a",
//! "b"}).
std::vector<std::string> split_path(std::string_view path);

//! The percent-decoded segments of the request's path, a trailing slash ignored ("/a/b%2Fc/" gives
//! {"a", "b/c"}); read from request.target, or from request.path when no target is set. Nullopt
//! when the target is malformed.
std::optional<std::vector<std::string>> path_segments(const HttpRequest& request);

}  // namespace vigil
