#include "json_response.hpp"

#include <gtest/gtest.h>

namespace vigil::testing {

boost::json::value parse_json(const ClientResponse& response) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(response.body, ec);
  EXPECT_FALSE(ec) << "not JSON: " << response.body;
  return value;
}

std::string error_code(const ClientResponse& response) {
  boost::json::value value = parse_json(response);
  const auto* error = value.is_object() ? value.as_object().if_contains("error") : nullptr;
  if (error == nullptr || !error->is_object() || !error->as_object().contains("code") ||
      !error->as_object().contains("message")) {
    return "<no {error:{code,message}}: " + response.body + ">";
  }
  return std::string(error->at("code").as_string());
}

}  // namespace vigil::testing
