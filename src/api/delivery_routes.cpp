#include "api/delivery_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/delivery_json.hpp"
#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

HttpResponse list_deliveries(OutboxStore& outbox, const HttpRequest& request) {
  DeliveryQuery query;
  if (auto status = request.query_param("status"); status && !status->empty()) {
    query.status = parse_delivery_status(*status);
    if (!query.status) {
      return error_response({ErrorCode::kBadRequest, "status must be PENDING, SENT or FAILED"});
    }
  }
  if (auto kind = request.query_param("kind"); kind && !kind->empty())
    query.kind = std::string(*kind);
  auto trigger = integer_query(request, "trigger_id", false);
  if (!trigger.ok()) return error_response(trigger.error());
  query.trigger_id = *trigger;
  auto page = page_query(request);
  if (!page.ok()) return error_response(page.error());
  query.limit = page->limit;
  query.offset = page->offset();
  auto found = outbox.list(query);
  json::array list;
  for (const auto& message : found.messages) list.push_back(delivery_to_json(message));
  return json_response(200, json::object{{"deliveries", std::move(list)},
                                         {"page", page->page},
                                         {"limit", query.limit},
                                         {"total", found.total}});
}

HttpResponse get_delivery(OutboxStore& outbox, const PathParams& params) {
  auto id = integer_segment(params.at("delivery_id"), "delivery_id");
  if (!id.ok()) return error_response(id.error());
  auto message = outbox.get(id.value());
  if (!message) {
    return error_response(
        {ErrorCode::kNotFound, "Delivery with id '" + std::to_string(id.value()) + "' not found"});
  }
  return json_response(200, json::object{{"delivery", delivery_to_json(*message)}});
}

}  // namespace

void add_delivery_routes(Router& router, const ApiKeyService& keys, OutboxStore& outbox) {
  router.add("GET", "/api/v4/deliveries",
             require_api_key(keys, [&outbox](const HttpRequest& r, const PathParams&) {
               return list_deliveries(outbox, r);
             }));
  router.add("GET", "/api/v4/deliveries/{delivery_id}",
             require_api_key(keys, [&outbox](const HttpRequest&, const PathParams& p) {
               return get_delivery(outbox, p);
             }));
}

}  // namespace vigil
