#include "api/trigger_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"
#include "api/trigger_json.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

//! The trigger as answered, its secrets masked.
HttpResponse trigger_response(const TriggerService& triggers, int status, const Trigger& trigger) {
  return json_response(status,
                       json::object{{"trigger", trigger_to_json(triggers.masked(trigger))}});
}

HttpResponse list_triggers(const TriggerService& triggers) {
  json::array list;
  for (const auto& trigger : triggers.list()) {
    list.push_back(trigger_to_json(triggers.masked(trigger)));
  }
  return json_response(200, json::object{{"triggers", std::move(list)}});
}

HttpResponse create_trigger(TriggerService& triggers, const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  Trigger trigger;
  if (auto error = apply_trigger_json(body.value(), true, trigger)) return error_response(*error);
  auto created = triggers.create(std::move(trigger));
  if (!created.ok()) return error_response(created.error());
  return trigger_response(triggers, 201, created.value());
}

//! Runs `handle` with the trigger named by the path, or answers 400/404.
template <class Handle>
HttpResponse with_trigger(const TriggerService& triggers, const PathParams& params,
                          Handle&& handle) {
  auto id = integer_segment(params.at("trigger_id"), "trigger_id");
  if (!id.ok()) return error_response(id.error());
  auto trigger = triggers.find(id.value());
  if (!trigger) {
    return error_response(
        {ErrorCode::kNotFound, "Trigger with id '" + std::to_string(id.value()) + "' not found"});
  }
  return handle(*trigger);
}

HttpResponse update_trigger(TriggerService& triggers, const HttpRequest& request, Trigger trigger) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = apply_trigger_json(body.value(), false, trigger)) return error_response(*error);
  auto updated = triggers.update(std::move(trigger));
  if (!updated.ok()) return error_response(updated.error());
  return trigger_response(triggers, 200, updated.value());
}

HttpResponse test_trigger(TriggerService& triggers, const Trigger& trigger) {
  auto outcome = triggers.send_test(trigger.id);
  if (!outcome.ok()) return error_response(outcome.error());
  json::object answer{{"delivered", outcome->delivered}};
  if (!outcome->delivered) answer["error"] = outcome->error;
  return json_response(200, answer);
}

}  // namespace

void add_trigger_routes(Router& router, const ApiKeyService& keys, TriggerService& triggers) {
  const std::string collection = "/api/v4/triggers";
  const std::string item = collection + "/{trigger_id}";
  auto route = [&](const char* method, const std::string& pattern, RouteHandler handler) {
    router.add(method, pattern, require_api_key(keys, std::move(handler)));
  };

  route("GET", collection,
        [&](const HttpRequest&, const PathParams&) { return list_triggers(triggers); });
  route("POST", collection,
        [&](const HttpRequest& r, const PathParams&) { return create_trigger(triggers, r); });
  route("GET", item, [&](const HttpRequest&, const PathParams& p) {
    return with_trigger(triggers, p,
                        [&](const Trigger& t) { return trigger_response(triggers, 200, t); });
  });
  route("PATCH", item, [&](const HttpRequest& r, const PathParams& p) {
    return with_trigger(triggers, p,
                        [&](const Trigger& t) { return update_trigger(triggers, r, t); });
  });
  route("DELETE", item, [&](const HttpRequest&, const PathParams& p) {
    return with_trigger(triggers, p, [&](const Trigger& t) {
      if (auto error = triggers.remove(t.id)) return error_response(*error);
      return json_response(200,
                           json::object{{"message", "Trigger with id '" + std::to_string(t.id) +
                                                        "' deleted successfully"}});
    });
  });
  route("POST", item + "/test", [&](const HttpRequest&, const PathParams& p) {
    return with_trigger(triggers, p, [&](const Trigger& t) { return test_trigger(triggers, t); });
  });
}

}  // namespace vigil
