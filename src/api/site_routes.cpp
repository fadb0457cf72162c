#include "api/site_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

// Kener's SiteDataEntry: {key, value, data_type}.
json::object entry_to_json(const SiteDataEntry& entry) {
  return json::object{{"key", entry.key},
                      {"value", stored_json(entry.value_json)},
                      {"data_type", to_string(entry.data_type)}};
}

HttpResponse update_entry(SiteService& site, const HttpRequest& request, const std::string& key) {
  if (auto current = site.entry(key); !current.ok()) return error_response(current.error());
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  if (auto error = reject_unknown_keys(body.value(), {"value"})) return error_response(*error);
  const json::value* value = body->if_contains("value");
  if (value == nullptr) return error_response({ErrorCode::kBadRequest, "value: is required"});
  auto updated = site.update(key, json::serialize(*value));
  if (!updated.ok()) return error_response(updated.error());
  return json_response(200, entry_to_json(updated.value()));
}

}  // namespace

void add_site_routes(Router& router, const ApiKeyService& keys, SiteService& site) {
  const std::string collection = "/api/v4/site";
  const std::string item = collection + "/{config_key}";
  router.add("GET", collection, require_api_key(keys, [&](const HttpRequest&, const PathParams&) {
               json::array entries;
               for (const auto& entry : site.entries()) entries.push_back(entry_to_json(entry));
               return json_response(200, json::object{{"site_data", std::move(entries)}});
             }));
  router.add("GET", item, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
               auto entry = site.entry(p.at("config_key"));
               if (!entry.ok()) return error_response(entry.error());
               return json_response(200, entry_to_json(entry.value()));
             }));
  router.add("PATCH", item, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               return update_entry(site, r, p.at("config_key"));
             }));
}

}  // namespace vigil
