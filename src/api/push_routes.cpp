#include "api/push_routes.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

//! Reads Uptime Kuma's status, msg and ping query parameters into a signal.
Result<HeartbeatSignal> signal_from_query(const HttpRequest& request) {
  HeartbeatSignal signal;
  if (auto status = request.query_param("status")) {
    if (*status == "up" || *status == "UP" || *status == "1") {
      signal.status = Status::kUp;
    } else if (*status == "down" || *status == "DOWN" || *status == "0") {
      signal.status = Status::kDown;
    } else {
      return Error{ErrorCode::kBadRequest, "status must be up or down (or 1 or 0)"};
    }
  }
  if (auto msg = request.query_param("msg")) signal.message = std::string(*msg);
  if (auto ping = request.query_param("ping"); ping && !ping->empty()) {
    double value = 0;
    auto [end, ec] = std::from_chars(ping->data(), ping->data() + ping->size(), value);
    if (ec != std::errc() || end != ping->data() + ping->size() || value < 0) {
      return Error{ErrorCode::kBadRequest, "ping must be a number of milliseconds >= 0"};
    }
    signal.ping_ms = value;
  }
  return signal;
}

HttpResponse kener_push(HeartbeatService& heartbeats, const HttpRequest& request,
                        const std::string& tag, const std::string& secret) {
  auto signal = signal_from_query(request);
  if (!signal.ok()) return error_response(signal.error());
  if (auto error = heartbeats.push_with_secret(tag, secret, std::move(*signal))) {
    return error_response(*error);
  }
  return json_response(200, json::object{{"status", "ok"}});
}

HttpResponse kuma_push(HeartbeatService& heartbeats, const HttpRequest& request,
                       const std::string& token) {
  auto signal = signal_from_query(request);
  if (!signal.ok()) {
    return json_response(400, json::object{{"ok", false}, {"msg", signal.error().message}});
  }
  if (auto error = heartbeats.push_with_token(token, std::move(*signal))) {
    return json_response(404, json::object{{"ok", false}, {"msg", error->message}});
  }
  return json_response(200, json::object{{"ok", true}});
}

}  // namespace

void add_push_routes(Router& router, HeartbeatService& heartbeats) {
  for (const char* method : {"GET", "POST"}) {
    router.add(method, "/ext/heartbeat/{tag}/{secret}",
               [&](const HttpRequest& r, const PathParams& p) {
                 return kener_push(heartbeats, r, p.at("tag"), p.at("secret"));
               });
    router.add(
        method, "/ext/heartbeat/{tag_and_secret}", [&](const HttpRequest& r, const PathParams& p) {
          const std::string& both = p.at("tag_and_secret");
          auto colon = both.find(':');
          if (colon == std::string::npos) {
            return error_response({ErrorCode::kNotFound, "use /ext/heartbeat/{tag}/{secret}"});
          }
          return kener_push(heartbeats, r, both.substr(0, colon), both.substr(colon + 1));
        });
    router.add(method, "/api/push/{token}", [&](const HttpRequest& r, const PathParams& p) {
      return kuma_push(heartbeats, r, p.at("token"));
    });
  }
}

}  // namespace vigil
