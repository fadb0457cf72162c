#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace vigil {

//! grpc.health.v1.HealthCheckResponse.ServingStatus; other numbers may arrive (open enum).
enum class ServingStatus : std::int32_t {
  kUnknown = 0,
  kServing = 1,
  kNotServing = 2,
  kServiceUnknown = 3,
};

//! The proto name (SERVING, ...), or the number for a value grpc.health.v1 does not define.
std::string to_string(ServingStatus status);

//! grpc.health.v1.HealthCheckRequest {string service = 1;} in protobuf wire format.
std::string encode_health_check_request(std::string_view service);

//! Decodes grpc.health.v1.HealthCheckResponse {ServingStatus status = 1;}, skipping unknown
//! fields; an absent status is UNKNOWN. The error says where the bytes are malformed.
Result<ServingStatus> decode_health_check_response(std::string_view bytes);

}  // namespace vigil
