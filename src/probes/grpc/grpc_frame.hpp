#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace vigil {

//! Wraps one message in gRPC's length-prefixed framing: a compressed flag (0) and a big-endian
//! 32-bit length before the bytes.
std::string grpc_frame(std::string_view message);

//! The message of a unary response body, which must hold exactly one uncompressed frame; the
//! error says what is wrong with the body otherwise.
Result<std::string> grpc_unframe(std::string_view body);

}  // namespace vigil
