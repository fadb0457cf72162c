#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil {

class EventStream;

//! An HTTP request as handlers see it, free of any networking library type.
struct HttpRequest {
  std::string method;                          //!< upper case: GET, POST, ...
  std::string target;                          //!< raw target, path plus query
  std::string path;                            //!< percent-decoded path, without the query
  std::map<std::string, std::string> query;    //!< decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;  //!< header names in lower case
  std::string body;
  std::string remote_address;

  //! A header's value (name in lower case), or nullopt.
  std::optional<std::string_view> header(const std::string& lower_name) const;
  //! A query parameter, or nullopt.
  std::optional<std::string_view> query_param(const std::string& name) const;
};

//! An HTTP response produced by a handler.
struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  //!< extra headers
  //! When set, the response is a server-sent-events stream fed from here (body ignored).
  std::shared_ptr<EventStream> stream;

  //! A JSON response with the given status and already-serialised body.
  static HttpResponse json(int status, std::string body);
  //! Vigil's error shape: {"error":{"code":..., "message":...}}.
  static HttpResponse error(int status, std::string_view code, std::string_view message);
};

}  // namespace vigil
