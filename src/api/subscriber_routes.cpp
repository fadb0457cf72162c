#include "api/subscriber_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"
#include "api/subscriber_json.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

HttpResponse subscriber_response(int status, const Subscriber& subscriber,
                                 const PageService& pages) {
  return json_response(status, json::object{{"subscriber", subscriber_to_json(subscriber, pages)}});
}

//! Runs `handle` with the subscriber id named by the path, or answers 400.
template <class Handle>
HttpResponse with_id(const PathParams& params, Handle&& handle) {
  auto id = integer_segment(params.at("subscriber_id"), "subscriber_id");
  if (!id.ok()) return error_response(id.error());
  return handle(id.value());
}

HttpResponse create(SubscriberService& subscribers, const PageService& pages,
                    const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto fields = new_subscriber(body.value(), pages);
  if (!fields.ok()) return error_response(fields.error());
  auto created =
      subscribers.create(fields->kind, fields->address, fields->preferences, fields->active);
  if (!created.ok()) return error_response(created.error());
  return subscriber_response(201, created.value(), pages);
}

HttpResponse update(SubscriberService& subscribers, const PageService& pages,
                    const HttpRequest& request, std::int64_t id) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto patch = subscriber_patch(body.value(), pages);
  if (!patch.ok()) return error_response(patch.error());
  auto updated = subscribers.update(id, patch.value());
  if (!updated.ok()) return error_response(updated.error());
  return subscriber_response(200, updated.value(), pages);
}

}  // namespace

void add_subscriber_routes(Router& router, const ApiKeyService& keys,
                           SubscriberService& subscribers, const PageService& pages) {
  const std::string collection = "/api/v4/subscribers";
  const std::string item = collection + "/{subscriber_id}";
  auto route = [&](const char* method, const std::string& pattern, RouteHandler handler) {
    router.add(method, pattern, require_api_key(keys, std::move(handler)));
  };

  route("GET", collection, [&](const HttpRequest&, const PathParams&) {
    json::array list;
    for (const auto& s : subscribers.list()) list.push_back(subscriber_to_json(s, pages));
    return json_response(200, json::object{{"subscribers", std::move(list)}});
  });
  route("POST", collection,
        [&](const HttpRequest& r, const PathParams&) { return create(subscribers, pages, r); });
  route("GET", item, [&](const HttpRequest&, const PathParams& p) {
    return with_id(p, [&](std::int64_t id) {
      auto found = subscribers.get(id);
      if (!found.ok()) return error_response(found.error());
      return subscriber_response(200, found.value(), pages);
    });
  });
  route("PATCH", item, [&](const HttpRequest& r, const PathParams& p) {
    return with_id(p, [&](std::int64_t id) { return update(subscribers, pages, r, id); });
  });
  route("DELETE", item, [&](const HttpRequest&, const PathParams& p) {
    return with_id(p, [&](std::int64_t id) {
      if (auto error = subscribers.remove(id)) return error_response(*error);
      return json_response(200,
                           json::object{{"message", "Subscriber with id '" + std::to_string(id) +
                                                        "' deleted successfully"}});
    });
  });
}

}  // namespace vigil
