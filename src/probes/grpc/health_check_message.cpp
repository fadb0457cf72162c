#include "probes/grpc/health_check_message.hpp"

#include <optional>

namespace vigil {
namespace {

constexpr std::uint64_t kServiceTag = (1 << 3) | 2;  // field 1, length-delimited
constexpr std::uint64_t kStatusField = 1;
constexpr int kMaxVarintBytes = 10;

enum WireType : std::uint64_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// Reads protobuf's wire format front to back; every read fails instead of running past the end.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return position_ == bytes_.size(); }
  std::size_t position() const { return position_; }

  std::optional<std::uint64_t> varint() {
    std::uint64_t value = 0;
    for (int i = 0; i < kMaxVarintBytes && position_ < bytes_.size(); ++i) {
      auto byte = static_cast<unsigned char>(bytes_[position_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * i);
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  }

  bool skip(std::uint64_t count) {
    if (count > bytes_.size() - position_) return false;
    position_ += count;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

Error malformed(const WireReader& reader, std::string_view problem) {
  return Error{ErrorCode::kBadRequest, "malformed HealthCheckResponse at byte " +
                                           std::to_string(reader.position()) + ": " +
                                           std::string(problem)};
}

}  // namespace

std::string to_string(ServingStatus status) {
  switch (status) {
    case ServingStatus::kUnknown:
      return "UNKNOWN";
    case ServingStatus::kServing:
      return "SERVING";
    case ServingStatus::kNotServing:
      return "NOT_SERVING";
    case ServingStatus::kServiceUnknown:
      return "SERVICE_UNKNOWN";
  }
  return std::to_string(static_cast<std::int32_t>(status));
}

std::string encode_health_check_request(std::string_view service) {
  std::string message;
  if (service.empty()) return message;  // proto3 leaves default values out
  put_varint(message, kServiceTag);
  put_varint(message, service.size());
  message.append(service);
  return message;
}

Result<ServingStatus> decode_health_check_response(std::string_view bytes) {
  WireReader reader(bytes);
  auto status = ServingStatus::kUnknown;
  while (!reader.done()) {
    auto tag = reader.varint();
    if (!tag) return malformed(reader, "truncated field tag");
    std::uint64_t field = *tag >> 3;
    std::uint64_t wire = *tag & 7;
    if (field == 0) return malformed(reader, "field number 0");
    if (field == kStatusField && wire != kVarint) {
      return malformed(reader, "status is not a varint");
    }
    std::optional<std::uint64_t> length;
    switch (wire) {
      case kVarint: {
        auto value = reader.varint();
        if (!value) return malformed(reader, "truncated varint");
        // An int32 enum; negative numbers arrive sign-extended to 64 bits.
        if (field == kStatusField)
          status = static_cast<ServingStatus>(static_cast<std::int32_t>(*value));
        continue;
      }
      case kFixed64:
        length = 8;
        break;
      case kFixed32:
        length = 4;
        break;
      case kLengthDelimited:
        length = reader.varint();
        if (!length) return malformed(reader, "truncated length");
        break;
      default:
        return malformed(reader, "unsupported wire type " + std::to_string(wire));
    }
    if (!reader.skip(*length)) return malformed(reader, "field runs past the end");
  }
  return status;
}

}  // namespace vigil
