#include "site/subscribe_routes.hpp"

#include <algorithm>

#include "http/request_target.hpp"
#include "site/monitor_card.hpp"
#include "site/render_context.hpp"

namespace vigil {
namespace {

//! The fields of a form-encoded body (application/x-www-form-urlencoded), last value winning.
std::map<std::string, std::string> form_fields(const HttpRequest& request) {
  HttpRequest form;
  if (!parse_request_target("/?" + request.body, form)) return {};
  return form.query;
}

std::string field(const std::map<std::string, std::string>& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

//! The preferences a form asks for: only pages and visible monitors it could offer count.
SubscriberPreferences preferences_from(const SiteDeps& deps,
                                       const std::map<std::string, std::string>& form) {
  SubscriberPreferences p;
  p.incidents = form.contains("incidents");
  p.maintenances = form.contains("maintenances");
  p.everything = field(form, "scope") != "chosen";
  for (const auto& page : deps.pages.list()) {
    if (form.contains("page_" + std::to_string(page->id))) p.page_ids.push_back(page->id);
  }
  for (const auto& monitor : deps.monitors.all()) {
    if (form.contains("monitor_" + monitor->tag)) p.monitor_tags.push_back(monitor->tag);
  }
  return p;
}

//! The preference controls, filled from `p`: pages and the monitors visitors may see.
void set_preferences(const SiteDeps& deps, const SubscriberPreferences& p, ViewData& view) {
  view.set("incidents", p.incidents);
  view.set("maintenances", p.maintenances);
  view.set("scope_all", p.everything);
  view.set("scope_chosen", !p.everything);
  ViewData pages{ViewData::type::list};
  for (const auto& page : deps.pages.list()) {
    ViewData item;
    item.set("id", std::to_string(page->id));
    item.set("title", page->page_title);
    item.set("checked",
             std::find(p.page_ids.begin(), p.page_ids.end(), page->id) != p.page_ids.end());
    pages.push_back(item);
  }
  view.set("pages", pages);
  std::vector<std::string> tags;
  for (const auto& monitor : deps.monitors.all()) tags.push_back(monitor->tag);
  std::sort(tags.begin(), tags.end());
  ViewData monitors{ViewData::type::list};
  for (const auto& monitor : visible_monitors(deps, tags)) {
    ViewData item;
    item.set("tag", monitor->tag);
    item.set("name", monitor->name);
    item.set("checked", std::find(p.monitor_tags.begin(), p.monitor_tags.end(), monitor->tag) !=
                            p.monitor_tags.end());
    monitors.push_back(item);
  }
  view.set("monitors", monitors);
}

//! A rendered page of the flow; never cached (it carries tokens and form state).
HttpResponse page(const SiteDeps& deps, const RenderContext& ctx, const std::string& name,
                  ViewData view, int status = 200) {
  LayoutOptions options;
  options.title = ctx.text(deps, "subscribe.title");
  HttpResponse response =
      html_response(render_in_layout(deps, ctx, name, std::move(view), options));
  response.status = status;
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return response;
}

ViewData with_error(ViewData view, const Error& error) {
  view.set("error", error.message);
  return view;
}

int status_of(const Error& error) {
  return error.code == ErrorCode::kNotFound ? 404 : 400;
}

//! Runs `handle` with the visitor's render context, or answers 400 for a bad ?tz=.
template <class Handle>
HttpResponse in_context(const SiteDeps& deps, const HttpRequest& request, Handle&& handle) {
  auto ctx = make_render_context(deps, request);
  if (!ctx.ok()) return HttpResponse::error(400, "BAD_REQUEST", ctx.error().message);
  return handle(ctx.value());
}

HttpResponse subscribe_form(const SiteDeps& deps, const RenderContext& ctx,
                            const HttpRequest& request) {
  SubscriberPreferences p;
  if (auto path = request.query_param("page")) {
    if (auto chosen = deps.pages.find(*path)) {
      p.everything = false;
      p.page_ids = {chosen->id};
    }
  }
  ViewData view;
  set_preferences(deps, p, view);
  return page(deps, ctx, "subscribe", std::move(view));
}

HttpResponse request_code(const SiteDeps& deps, SubscriberService& subscribers,
                          const RenderContext& ctx, const HttpRequest& request) {
  const auto form = form_fields(request);
  const std::string email = field(form, "email");
  SubscriberPreferences p = preferences_from(deps, form);
  if (auto error = subscribers.request_code(email, p)) {
    ViewData view;
    view.set("email", email);
    set_preferences(deps, p, view);
    return page(deps, ctx, "subscribe", with_error(std::move(view), *error), 400);
  }
  ViewData view;
  view.set("email", email);
  return page(deps, ctx, "subscribe_code", std::move(view));
}

HttpResponse confirm(const SiteDeps& deps, SubscriberService& subscribers, const RenderContext& ctx,
                     const HttpRequest& request) {
  const auto form = form_fields(request);
  const std::string email = field(form, "email");
  auto token = subscribers.confirm(email, field(form, "code"));
  if (!token.ok()) {
    ViewData view;
    view.set("email", email);
    return page(deps, ctx, "subscribe_code", with_error(std::move(view), token.error()), 400);
  }
  HttpResponse response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.headers.emplace_back("Location", "/subscription/" + token.value() + "?confirmed=1");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse manage(const SiteDeps& deps, SubscriberService& subscribers, const RenderContext& ctx,
                    const HttpRequest& request, const std::string& token) {
  auto subscriber = subscribers.by_token(token);
  if (!subscriber.ok()) {
    return page(deps, ctx, "subscribe_done", with_error(ViewData{}, subscriber.error()), 404);
  }
  ViewData view;
  view.set("token", token);
  view.set("email", subscriber->address);
  SubscriberPreferences p = subscriber->preferences;
  if (request.method == "POST") {
    p = preferences_from(deps, form_fields(request));
    auto changed = subscribers.change_preferences(token, p);
    if (!changed.ok()) {
      set_preferences(deps, p, view);
      return page(deps, ctx, "subscribe_manage", with_error(std::move(view), changed.error()),
                  status_of(changed.error()));
    }
    p = changed->preferences;
    view.set("notice", ctx.text(deps, "subscribe.saved"));
  } else if (request.query_param("confirmed")) {
    view.set("notice", ctx.text(deps, "subscribe.confirmed"));
  }
  set_preferences(deps, p, view);
  return page(deps, ctx, "subscribe_manage", std::move(view));
}

HttpResponse unsubscribe(const SiteDeps& deps, SubscriberService& subscribers,
                         const RenderContext& ctx, const HttpRequest& request,
                         const std::string& token) {
  ViewData view;
  if (request.method == "GET") {
    auto subscriber = subscribers.by_token(token);
    if (!subscriber.ok()) {
      return page(deps, ctx, "subscribe_done", with_error(std::move(view), subscriber.error()),
                  404);
    }
    view.set("ask", true);
    view.set("token", token);
    view.set("email", subscriber->address);
    return page(deps, ctx, "subscribe_done", std::move(view));
  }
  if (auto error = subscribers.unsubscribe(token)) {
    return page(deps, ctx, "subscribe_done", with_error(std::move(view), *error), 404);
  }
  view.set("notice", ctx.text(deps, "subscribe.unsubscribed"));
  return page(deps, ctx, "subscribe_done", std::move(view));
}

}  // namespace

void add_subscribe_routes(Router& router, const SiteDeps& deps, SubscriberService& subscribers) {
  router.add("GET", "/subscribe", [&deps](const HttpRequest& r, const PathParams&) {
    return in_context(deps, r,
                      [&](const RenderContext& ctx) { return subscribe_form(deps, ctx, r); });
  });
  router.add("POST", "/subscribe", [&deps, &subscribers](const HttpRequest& r, const PathParams&) {
    return in_context(
        deps, r, [&](const RenderContext& ctx) { return request_code(deps, subscribers, ctx, r); });
  });
  router.add(
      "POST", "/subscribe/confirm", [&deps, &subscribers](const HttpRequest& r, const PathParams&) {
        return in_context(
            deps, r, [&](const RenderContext& ctx) { return confirm(deps, subscribers, ctx, r); });
      });
  auto manage_route = [&deps, &subscribers](const HttpRequest& r, const PathParams& p) {
    return in_context(deps, r, [&](const RenderContext& ctx) {
      return manage(deps, subscribers, ctx, r, p.at("token"));
    });
  };
  router.add("GET", "/subscription/{token}", manage_route);
  router.add("POST", "/subscription/{token}", manage_route);
  auto unsubscribe_route = [&deps, &subscribers](const HttpRequest& r, const PathParams& p) {
    return in_context(deps, r, [&](const RenderContext& ctx) {
      return unsubscribe(deps, subscribers, ctx, r, p.at("token"));
    });
  };
  router.add("GET", "/unsubscribe/{token}", unsubscribe_route);
  router.add("POST", "/unsubscribe/{token}", unsubscribe_route);
}

}  // namespace vigil
