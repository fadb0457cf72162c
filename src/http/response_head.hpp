#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "http/http_message.hpp"

namespace vigil {

//! 1xx, 204 and 304 responses carry neither a body nor a Content-Length.
bool is_bodyless(int status);

//! The status line and header block of `response`, ending with the empty line, written in one
//! string so a response goes out as one gather write of head and body. `content_length` is
//! omitted for streamed bodies (server-sent events). HTTP/1.1 says `Connection: close` when the
//! connection will not be kept; HTTP/1.0 says `Connection: keep-alive` when it will. CR and LF in
//! header names or values are written as spaces, so no handler can split the response.
std::string response_head(const HttpResponse& response, unsigned version, bool keep_alive,
                          std::optional<std::size_t> content_length);

}  // namespace vigil
