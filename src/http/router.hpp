#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_message.hpp"

namespace vigil {

//! Values of `{name}` segments matched in a route pattern.
using PathParams = std::map<std::string, std::string, std::less<>>;

//! Handles one route.
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&)>;

//! Maps (method, path pattern) to handlers. Patterns are literal segments and `{name}`
//! segments, e.g. "/api/v4/monitors/{monitor_tag}/data/{timestamp}". Literal segments win over
//! parameters. Unknown paths get a 404 and known paths with another method a 405, both in the
//! {"error":{code,message}} shape. A handler that throws gets a 500 of the same shape.
class Router {
 public:
  //! Registers a handler; HEAD is answered by GET handlers automatically.
  void add(std::string method, std::string pattern, RouteHandler handler);
  //! Finds and runs the handler for a request.
  HttpResponse dispatch(const HttpRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace vigil
