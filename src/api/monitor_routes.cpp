#include "api/monitor_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"
#include "api/monitor_json.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

HttpResponse monitor_response(const MonitorService& monitors, int status,
                              const MonitorSpec& spec) {
  return json_response(status, json::object{{"monitor", monitor_to_json(monitors.redacted(spec))}});
}

HttpResponse list_monitors(MonitorService& monitors, const HttpRequest& request) {
  MonitorFilter filter;
  auto param = [&](const char* name) -> std::optional<std::string> {
    auto value = request.query_param(name);
    return value ? std::optional<std::string>(std::string(*value)) : std::nullopt;
  };
  filter.status = param("status");
  filter.category_name = param("category_name");
  filter.monitor_type = param("monitor_type");
  filter.is_hidden = param("is_hidden");
  json::array list;
  for (const auto& spec : monitors.list(filter)) {
    list.push_back(monitor_to_json(monitors.redacted(spec)));
  }
  return json_response(200, json::object{{"monitors", std::move(list)}});
}

HttpResponse create_monitor(MonitorService& monitors, const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  MonitorSpec spec;
  if (auto error = apply_monitor_json(body.value(), true, spec)) return error_response(*error);
  auto created = monitors.create(std::move(spec));
  if (!created.ok()) return error_response(created.error());
  return monitor_response(monitors, 201, created.value());
}

HttpResponse update_monitor(MonitorService& monitors, const HttpRequest& request,
                            const std::string& tag) {
  auto current = monitors.find(tag);
  if (!current) return error_response({ErrorCode::kNotFound, "monitor '" + tag + "' not found"});
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  MonitorSpec spec = *current;
  if (auto error = apply_monitor_json(body.value(), false, spec)) return error_response(*error);
  auto updated = monitors.update(std::move(spec));
  if (!updated.ok()) return error_response(updated.error());
  return monitor_response(monitors, 200, updated.value());
}

}  // namespace

void add_monitor_routes(Router& router, const ApiKeyService& keys, MonitorService& monitors) {
  const std::string collection = "/api/v4/monitors";
  const std::string item = collection + "/{monitor_tag}";
  router.add("GET", collection, require_api_key(keys, [&](const HttpRequest& r, const PathParams&) {
               return list_monitors(monitors, r);
             }));
  router.add("POST", collection,
             require_api_key(keys, [&](const HttpRequest& r, const PathParams&) {
               return create_monitor(monitors, r);
             }));
  router.add("GET", item, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
               const std::string& tag = p.at("monitor_tag");
               auto spec = monitors.find(tag);
               if (!spec) {
                 return error_response({ErrorCode::kNotFound, "monitor '" + tag + "' not found"});
               }
               return monitor_response(monitors, 200, *spec);
             }));
  router.add("PATCH", item, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               return update_monitor(monitors, r, p.at("monitor_tag"));
             }));
  router.add(
      "DELETE", item, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
        const std::string& tag = p.at("monitor_tag");
        if (auto error = monitors.remove(tag)) return error_response(*error);
        return json_response(200, json::object{{"message", "Monitor '" + tag + "' deleted"}});
      }));
}

}  // namespace vigil
