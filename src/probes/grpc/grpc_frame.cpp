#include "probes/grpc/grpc_frame.hpp"

#include <cstdint>

namespace vigil {
namespace {

constexpr std::size_t kHeaderBytes = 5;

Error malformed(std::string message) {
  return Error{ErrorCode::kBadRequest, std::move(message)};
}

}  // namespace

std::string grpc_frame(std::string_view message) {
  auto length = static_cast<std::uint32_t>(message.size());
  std::string frame(kHeaderBytes, '\0');
  for (int i = 0; i < 4; ++i) frame[4 - i] = static_cast<char>((length >> (8 * i)) & 0xff);
  frame.append(message);
  return frame;
}

Result<std::string> grpc_unframe(std::string_view body) {
  if (body.empty()) return malformed("no response message");
  if (body.size() < kHeaderBytes) {
    return malformed("truncated gRPC frame: " + std::to_string(body.size()) + " of 5 header bytes");
  }
  auto flag = static_cast<unsigned char>(body[0]);
  if (flag == 1) return malformed("compressed gRPC message, but no compression was offered");
  if (flag != 0) return malformed("bad gRPC frame flag " + std::to_string(flag));
  std::uint32_t length = 0;
  for (std::size_t i = 1; i < kHeaderBytes; ++i) {
    length = (length << 8) | static_cast<unsigned char>(body[i]);
  }
  std::string_view rest = body.substr(kHeaderBytes);
  if (rest.size() < length) {
    return malformed("truncated gRPC frame: " + std::to_string(rest.size()) + " of " +
                     std::to_string(length) + " bytes");
  }
  if (rest.size() > length) return malformed("more than one message in a unary response");
  return std::string(rest);
}

}  // namespace vigil
