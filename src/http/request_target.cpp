#include "http/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>

namespace vigil {
namespace {

// HTTP/1.1 servers must accept the absolute form too (RFC 9112 §3.2.2).
std::optional<boost::urls::url_view> parse_target(std::string_view target) {
  if (auto origin = boost::urls::parse_origin_form(target)) return *origin;
  if (auto absolute = boost::urls::parse_absolute_uri(target)) return *absolute;
  return std::nullopt;
}

}  // namespace

bool parse_request_target(std::string_view target, HttpRequest& request) {
  const auto url = parse_target(target);
  if (!url) return false;
  request.path = url->path();
  if (request.path.empty()) request.path = "/";
  request.query.clear();
  for (const auto& param : url->params()) request.query[param.key] = param.value;
  return true;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = path.starts_with('/') ? 1 : 0;
  while (start < path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

std::optional<std::vector<std::string>> path_segments(const HttpRequest& request) {
  if (request.target.empty()) return split_path(request.path);
  const auto url = parse_target(request.target);
  if (!url) return std::nullopt;
  std::vector<std::string> segments;
  for (auto segment : url->segments()) segments.push_back(std::move(segment));
  if (!segments.empty() && segments.back().empty()) segments.pop_back();
  return segments;
}

}  // namespace vigil
