#include "api/monitor_data_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

json::object point_to_json(const DataPoint& point) {
  const Bucket& b = point.bucket;
  return json::object{
      {"monitor_tag", point.monitor_tag},
      {"timestamp", point.timestamp},
      {"status", to_string(point.status)},
      {"latency", b.latency.avg()},
      {"type", b.type},
      {"error_message", b.error_message},
      {"latency_min", b.latency.min},
      {"latency_max", b.latency.max},
      {"counts", json::object{{"up", b.counts.up},
                              {"degraded", b.counts.degraded},
                              {"down", b.counts.down},
                              {"maintenance", b.counts.maintenance}}},
  };
}

//! Reads a status (UP, DOWN or DEGRADED) from a body field.
Result<Status> body_status(const json::object& body, bool required) {
  const json::value* v = body.if_contains("status");
  if (!v) {
    if (required) return Error{ErrorCode::kBadRequest, "status is required"};
    return Status::kUp;
  }
  auto status = v->is_string() ? parse_status(std::string_view(v->as_string())) : std::nullopt;
  if (!status ||
      (*status != Status::kUp && *status != Status::kDown && *status != Status::kDegraded)) {
    return Error{ErrorCode::kBadRequest, "status must be UP, DOWN or DEGRADED"};
  }
  return *status;
}

//! Reads a non-negative number from a body field.
Result<double> body_number(const json::object& body, std::string_view key, bool required,
                           double fallback) {
  const json::value* v = body.if_contains(key);
  if (!v) {
    if (required) return Error{ErrorCode::kBadRequest, std::string(key) + " is required"};
    return fallback;
  }
  if (!v->is_number() || v->to_number<double>() < 0) {
    return Error{ErrorCode::kBadRequest, std::string(key) + " must be a number >= 0"};
  }
  return v->to_number<double>();
}

//! Reads an integer timestamp from a body field.
Result<std::int64_t> body_integer(const json::object& body, std::string_view key) {
  const json::value* v = body.if_contains(key);
  if (!v) return Error{ErrorCode::kBadRequest, std::string(key) + " is required"};
  if (!v->is_int64())
    return Error{ErrorCode::kBadRequest, std::string(key) + " must be an integer"};
  return v->as_int64();
}

HttpResponse read_range(MonitorDataService& data, const HttpRequest& request,
                        const std::string& tag) {
  auto start = integer_query(request, "start_ts", true);
  if (!start.ok()) return error_response(start.error());
  auto end = integer_query(request, "end_ts", true);
  if (!end.ok()) return error_response(end.error());
  auto points = data.range(tag, **start, **end);
  if (!points.ok()) return error_response(points.error());
  json::array list;
  for (const auto& point : points.value()) list.push_back(point_to_json(point));
  return json_response(200, json::object{{"data", std::move(list)}});
}

HttpResponse write_range(MonitorDataService& data, const HttpRequest& request,
                         const std::string& tag) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  const json::object& o = body.value();
  if (auto error =
          reject_unknown_keys(o, {"start_ts", "end_ts", "status", "latency", "deviation"})) {
    return error_response(*error);
  }
  auto start = body_integer(o, "start_ts");
  if (!start.ok()) return error_response(start.error());
  auto end = body_integer(o, "end_ts");
  if (!end.ok()) return error_response(end.error());
  auto status = body_status(o, true);
  if (!status.ok()) return error_response(status.error());
  auto latency = body_number(o, "latency", true, 0);
  if (!latency.ok()) return error_response(latency.error());
  auto deviation = body_number(o, "deviation", false, 0);
  if (!deviation.ok()) return error_response(deviation.error());
  auto count = data.update_range(tag, *start, *end, *status, *latency, *deviation);
  if (!count.ok()) return error_response(count.error());
  return json_response(
      200, json::object{{"message", "Monitor data updated"}, {"updated_count", count.value()}});
}

HttpResponse write_point(MonitorDataService& data, const HttpRequest& request,
                         const std::string& tag, std::int64_t timestamp) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  const json::object& o = body.value();
  if (auto error = reject_unknown_keys(o, {"status", "latency"})) return error_response(*error);
  auto status = body_status(o, true);
  if (!status.ok()) return error_response(status.error());
  auto latency = body_number(o, "latency", false, 0);
  if (!latency.ok()) return error_response(latency.error());
  auto point = data.upsert_point(tag, timestamp, *status, *latency);
  if (!point.ok()) return error_response(point.error());
  return json_response(200, json::object{{"data", point_to_json(point.value())}});
}

}  // namespace

void add_monitor_data_routes(Router& router, const ApiKeyService& keys, MonitorDataService& data) {
  const std::string range = "/api/v4/monitors/{monitor_tag}/data";
  const std::string point = range + "/{timestamp}";
  router.add("GET", range, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               return read_range(data, r, p.at("monitor_tag"));
             }));
  router.add("PATCH", range, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               return write_range(data, r, p.at("monitor_tag"));
             }));
  router.add("GET", point, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
               auto ts = integer_segment(p.at("timestamp"), "timestamp");
               if (!ts.ok()) return error_response(ts.error());
               auto found = data.point(p.at("monitor_tag"), ts.value());
               if (!found.ok()) return error_response(found.error());
               return json_response(200, json::object{{"data", point_to_json(found.value())}});
             }));
  router.add("PATCH", point, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               auto ts = integer_segment(p.at("timestamp"), "timestamp");
               if (!ts.ok()) return error_response(ts.error());
               return write_point(data, r, p.at("monitor_tag"), ts.value());
             }));
}

}  // namespace vigil
