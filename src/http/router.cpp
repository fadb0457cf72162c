#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

#include "http/request_target.hpp"

namespace vigil {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view param_name(std::string_view segment) {
  return segment.substr(1, segment.size() - 2);
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const bool ok = is_param(pattern[i]) ? !path[i].empty() : pattern[i] == path[i];
    if (!ok) return false;
  }
  return true;
}

// At the first segment where two matching patterns differ in kind, the literal one wins.
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool a_param = is_param(a[i]);
    if (a_param != is_param(b[i])) return !a_param;
  }
  return false;
}

bool serves_method(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

void add_unique(std::vector<std::string>& methods, const std::string& method) {
  if (std::find(methods.begin(), methods.end(), method) == methods.end()) {
    methods.push_back(method);
  }
}

std::string allowed_methods(const std::vector<std::string>& methods) {
  std::string allow;
  for (const auto& method : methods) {
    if (!allow.empty()) allow += ", ";
    allow += method;
  }
  return allow;
}

HttpResponse run_handler(const RouteHandler& handler, const HttpRequest& request,
                         const PathParams& params) {
  try {
    return handler(request, params);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} threw: {}", request.method, request.path, e.what());
  } catch (...) {
    spdlog::error("handler for {} {} threw a non-exception", request.method, request.path);
  }
  return HttpResponse::error(500, "INTERNAL_ERROR", "Internal server error");
}

}  // namespace

void Router::add(std::string method, std::string pattern, RouteHandler handler) {
  routes_.push_back({std::move(method), split_path(pattern), std::move(handler)});
}

HttpResponse Router::dispatch(const HttpRequest& request) const {
  const auto segments = path_segments(request);
  if (!segments) return HttpResponse::error(400, "BAD_REQUEST", "Malformed request target");

  const Route* best = nullptr;
  std::vector<std::string> allowed;
  for (const auto& route : routes_) {
    if (!matches(route.segments, *segments)) continue;
    if (serves_method(route.method, request.method)) {
      if (best == nullptr || more_specific(route.segments, best->segments)) best = &route;
    } else {
      add_unique(allowed, route.method);
      if (route.method == "GET") add_unique(allowed, "HEAD");
    }
  }

  if (best != nullptr) {
    PathParams params;
    for (std::size_t i = 0; i < segments->size(); ++i) {
      if (is_param(best->segments[i])) {
        params.emplace(param_name(best->segments[i]), (*segments)[i]);
      }
    }
    return run_handler(best->handler, request, params);
  }
  if (allowed.empty()) {
    return HttpResponse::error(404, "NOT_FOUND", "No resource at " + request.path);
  }
  auto response = HttpResponse::error(405, "METHOD_NOT_ALLOWED",
                                      request.method + " is not allowed on " + request.path);
  response.headers.emplace_back("Allow", allowed_methods(allowed));
  return response;
}

}  // namespace vigil
