#include "http/http_message.hpp"

#include <boost/json.hpp>

namespace vigil {
namespace {

template <typename Map>
std::optional<std::string_view> find_value(const Map& map, const std::string& key) {
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace

std::optional<std::string_view> HttpRequest::header(const std::string& lower_name) const {
  return find_value(headers, lower_name);
}

std::optional<std::string_view> HttpRequest::query_param(const std::string& name) const {
  return find_value(query, name);
}

HttpResponse HttpResponse::json(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::error(int status, std::string_view code, std::string_view message) {
  const boost::json::object error{{"code", code}, {"message", message}};
  return json(status, boost::json::serialize(boost::json::object{{"error", error}}));
}

}  // namespace vigil
