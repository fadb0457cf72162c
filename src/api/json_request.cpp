#include "api/json_request.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

#include "core/trim.hpp"

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

Result<PageQuery> page_query(const HttpRequest& request) {
  constexpr std::int64_t kDefaultLimit = 20;
  constexpr std::int64_t kMaxLimit = 100;
  auto page = integer_query(request, "page", false);
  if (!page.ok()) return page.error();
  auto limit = integer_query(request, "limit", false);
  if (!limit.ok()) return limit.error();
  return PageQuery{std::max<std::int64_t>(1, page->value_or(1)),
                   std::clamp<std::int64_t>(limit->value_or(kDefaultLimit), 1, kMaxLimit)};
}

std::optional<std::vector<std::string>> list_query(const HttpRequest& request,
                                                   const std::string& name) {
  auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  std::vector<std::string> items;
  std::string_view rest = *text;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return items;
}

std::string iso8601(Seconds t) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

boost::json::value stored_json(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  return ec ? boost::json::value(nullptr) : value;
}

}  // namespace vigil
