#include "api/page_routes.hpp"

#include "api/bearer_auth.hpp"
#include "api/json_request.hpp"
#include "api/page_json.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

HttpResponse page_response(const MonitorService& monitors, int status, const PageSpec& page) {
  return json_response(status, json::object{{"page", page_to_json(page, monitors)}});
}

HttpResponse list_pages(const PageService& pages, const MonitorService& monitors) {
  json::array list;
  for (const auto& page : pages.list()) list.push_back(page_to_json(*page, monitors));
  return json_response(200, json::object{{"pages", std::move(list)}});
}

HttpResponse create_page(PageService& pages, const MonitorService& monitors,
                         const HttpRequest& request) {
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto page = page_from_json(body.value());
  if (!page.ok()) return error_response(page.error());
  auto created = pages.create(std::move(page.value()));
  if (!created.ok()) return error_response(created.error());
  return page_response(monitors, 201, created.value());
}

HttpResponse update_page(PageService& pages, const MonitorService& monitors,
                         const HttpRequest& request, const std::string& token) {
  if (auto current = pages.get(token); !current.ok()) return error_response(current.error());
  auto body = parse_json_object(request.body);
  if (!body.ok()) return error_response(body.error());
  auto patch = page_patch_from_json(body.value());
  if (!patch.ok()) return error_response(patch.error());
  auto updated = pages.update(token, patch.value());
  if (!updated.ok()) return error_response(updated.error());
  return page_response(monitors, 200, updated.value());
}

}  // namespace

void add_page_routes(Router& router, const ApiKeyService& keys, PageService& pages,
                     const MonitorService& monitors) {
  const std::string collection = "/api/v4/pages";
  const std::string item = collection + "/{page_path}";
  router.add("GET", collection, require_api_key(keys, [&](const HttpRequest&, const PathParams&) {
               return list_pages(pages, monitors);
             }));
  router.add("POST", collection,
             require_api_key(keys, [&](const HttpRequest& r, const PathParams&) {
               return create_page(pages, monitors, r);
             }));
  router.add("GET", item, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
               auto page = pages.get(p.at("page_path"));
               if (!page.ok()) return error_response(page.error());
               return page_response(monitors, 200, *page.value());
             }));
  router.add("PATCH", item, require_api_key(keys, [&](const HttpRequest& r, const PathParams& p) {
               return update_page(pages, monitors, r, p.at("page_path"));
             }));
  router.add("DELETE", item, require_api_key(keys, [&](const HttpRequest&, const PathParams& p) {
               const std::string& token = p.at("page_path");
               if (auto error = pages.remove(token)) return error_response(*error);
               return json_response(
                   200, json::object{{"message", "Page '" + token + "' deleted successfully"}});
             }));
}

}  // namespace vigil
