#include "api/json_request.hpp"

#include <charconv>

namespace vigil {

Result<boost::json::object> parse_json_object(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return Error{ErrorCode::kBadRequest, "request body is not valid JSON: " + ec.message()};
  if (!value.is_object())
    return Error{ErrorCode::kBadRequest, "request body must be a JSON object"};
  return std::move(value.as_object());
}

std::optional<Error> reject_unknown_keys(const boost::json::object& object,
                                         std::initializer_list<std::string_view> allowed) {
  for (const auto& entry : object) {
    bool known = false;
    for (auto name : allowed) known = known || entry.key() == name;
    if (!known) {
      return Error{ErrorCode::kBadRequest, "unknown field '" + std::string(entry.key()) + "'"};
    }
  }
  return std::nullopt;
}

HttpResponse error_response(const Error& error) {
  int status = 500;
  switch (error.code) {
    case ErrorCode::kBadRequest:
      status = 400;
      break;
    case ErrorCode::kUnauthorized:
      status = 401;
      break;
    case ErrorCode::kNotFound:
      status = 404;
      break;
    case ErrorCode::kConflict:
      status = 409;
      break;
    case ErrorCode::kInternal:
      status = 500;
      break;
  }
  return HttpResponse::error(status, to_string(error.code), error.message);
}

HttpResponse json_response(int status, const boost::json::value& value) {
  return HttpResponse::json(status, boost::json::serialize(value));
}

Result<std::int64_t> integer_segment(std::string_view text, std::string_view name) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return Error{ErrorCode::kBadRequest, std::string(name) + " must be an integer"};
  }
  return value;
}

Result<std::optional<std::int64_t>> integer_query(const HttpRequest& request,
                                                  const std::string& name, bool required) {
  auto text = request.query_param(name);
  if (!text) {
    if (required) return Error{ErrorCode::kBadRequest, name + " is required"};
    return std::optional<std::int64_t>{};
  }
  auto value = integer_segment(*text, name);
  if (!value.ok()) return value.error();
  return std::optional<std::int64_t>{value.value()};
}

}  // namespace vigil
