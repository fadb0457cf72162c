#include "api/alert_routes.hpp"

#include "api/alert_json.hpp"
#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"
#include "core/trim.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

HttpResponse alert_response(int status, const AlertRule& rule) {
  return json_response(status, json::object{{"alert", alert_to_json(rule)}});
}

HttpResponse list_alerts(const AlertService& alerts) {
  json::array list;
  for (const auto& rule : alerts.list()) list.push_back(alert_to_json(rule));
  return json_response(200, json::object{{"alerts", std::move(list)}});
}

HttpResponse create_alert(AlertService& alerts, const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  AlertRule rule;
  if (auto error = apply_alert_json(body.value(), true, rule)) return error_response(*error);
  auto created = alerts.create(std::move(rule));
  if (!created.ok()) return error_response(created.error());
  return alert_response(201, created.value());
}

//! Runs `handle` with the rule named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_alert(const AlertService& alerts, const PathParams& params, Handle&& handle) {
  auto id = integer_segment(params.at("alert_id"), "alert_id");
  if (!id.ok()) return error_response(id.error());
  auto rule = alerts.find(id.value());
  if (!rule) {
    return error_response(
        {ErrorCode::kNotFound, "Alert with id '" + std::to_string(id.value()) + "' not found"});
  }
  return handle(*rule);
}

HttpResponse update_alert(AlertService& alerts, const HttpRequest& request, AlertRule rule) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = apply_alert_json(body.value(), false, rule)) return error_response(*error);
  auto updated = alerts.update(std::move(rule));
  if (!updated.ok()) return error_response(updated.error());
  return alert_response(200, updated.value());
}

HttpResponse list_states(const AlertEngine& engine, const AlertRule& rule) {
  json::array list;
  for (const auto& state : engine.states(rule.id)) list.push_back(alert_state_to_json(state));
  return json_response(200, json::object{{"states", std::move(list)}});
}

HttpResponse list_history(const AlertEngine& engine, const HttpRequest& request,
                          const AlertRule& rule) {
  auto page = page_query(request);
  if (!page.ok()) return error_response(page.error());
  auto found = engine.history(rule.id, page->offset(), page->limit);
  json::array list;
  for (const auto& entry : found.entries) list.push_back(alert_history_to_json(entry));
  return json_response(200, json::object{{"history", std::move(list)},
                                         {"page", page->page},
                                         {"limit", page->limit},
                                         {"total", found.total}});
}

HttpResponse acknowledge(AlertEngine& engine, const HttpRequest& request, const AlertRule& rule) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = reject_unknown_keys(body.value(), {"monitor_tag", "acknowledged_by"})) {
    return error_response(*error);
  }
  std::vector<std::string> problems;
  JsonFieldReader reader(body.value(), "", problems);
  reader.require({"monitor_tag"});
  std::string tag;
  reader.text("monitor_tag", tag);
  std::string by;
  reader.text("acknowledged_by", by);
  if (!problems.empty()) return error_response(bad_request(problems));
  auto state = engine.acknowledge(rule.id, tag, std::string(trim(by)));
  if (!state.ok()) return error_response(state.error());
  return json_response(200, json::object{{"state", alert_state_to_json(state.value())}});
}

}  // namespace

void add_alert_routes(Router& router, const ApiKeyService& keys, AlertService& alerts,
                      AlertEngine& engine) {
  const std::string collection = "/api/v4/alerts";
  const std::string item = collection + "/{alert_id}";
  auto route = [&](const char* method, const std::string& pattern, RouteHandler handler) {
    router.add(method, pattern, require_api_key(keys, std::move(handler)));
  };

  route("GET", collection,
        [&](const HttpRequest&, const PathParams&) { return list_alerts(alerts); });
  route("POST", collection,
        [&](const HttpRequest& r, const PathParams&) { return create_alert(alerts, r); });
  route("GET", item, [&](const HttpRequest&, const PathParams& p) {
    return with_alert(alerts, p, [](const AlertRule& a) { return alert_response(200, a); });
  });
  route("PATCH", item, [&](const HttpRequest& r, const PathParams& p) {
    return with_alert(alerts, p, [&](const AlertRule& a) { return update_alert(alerts, r, a); });
  });
  route("DELETE", item, [&](const HttpRequest&, const PathParams& p) {
    return with_alert(alerts, p, [&](const AlertRule& a) {
      if (auto error = alerts.remove(a.id)) return error_response(*error);
      return json_response(200, json::object{{"message", "Alert with id '" + std::to_string(a.id) +
                                                             "' deleted successfully"}});
    });
  });
  route("GET", item + "/states", [&](const HttpRequest&, const PathParams& p) {
    return with_alert(alerts, p, [&](const AlertRule& a) { return list_states(engine, a); });
  });
  route("GET", item + "/history", [&](const HttpRequest& r, const PathParams& p) {
    return with_alert(alerts, p, [&](const AlertRule& a) { return list_history(engine, r, a); });
  });
  route("POST", item + "/acknowledge", [&](const HttpRequest& r, const PathParams& p) {
    return with_alert(alerts, p, [&](const AlertRule& a) { return acknowledge(engine, r, a); });
  });
}

}  // namespace vigil
