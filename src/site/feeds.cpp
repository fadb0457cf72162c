#include "site/feeds.hpp"

#include <algorithm>

#include "site/events_view.hpp"
#include "site/model/event_month.hpp"
#include "site/model/html_escape.hpp"
#include "site/monitor_card.hpp"

namespace vigil {
namespace {

constexpr std::size_t kMaxItems = 50;
constexpr Seconds kPast = 90 * kDay;
constexpr Seconds kFuture = 30 * kDay;

std::string base_url(const SiteDeps& deps, const HttpRequest& request) {
  const auto site = deps.site.settings();
  if (!site->site_url.empty()) return site->site_url;
  return "http://" + std::string(request.header("host").value_or("localhost"));
}

HttpResponse xml(std::string body, std::string content_type) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

}  // namespace

HttpResponse render_rss(const SiteDeps& deps, const RenderContext& ctx, const HttpRequest& request,
                        const EventScope& scope, const std::string& title,
                        const std::string& path) {
  const std::string base = base_url(deps, request);
  struct Item {
    Seconds at;
    ViewData view;
  };
  std::vector<Item> items;
  const std::string events_path = "/events/";
  for (const auto& incident : deps.incidents.overlapping(ctx.now - kPast, ctx.now, scope)) {
    ViewData view;
    view.set("title", ctx.text(deps, "rss.incident_item", {{"title", incident.title}}));
    const auto month = month_of(ctx.zone.to_local(incident.start_date_time));
    view.set("link", base + (has_public_page(deps, incident)
                                 ? incident_path(incident.id)
                                 : events_path + event_month_slug(month) + "#incident-" +
                                       std::to_string(incident.id)));
    view.set("guid", "incident-" + std::to_string(incident.id));
    view.set("date", ctx.zone.to_local(incident.start_date_time).rfc822());
    view.set("description", std::string(to_string(incident.state)) + " · " +
                                ctx.date_time(incident.start_date_time));
    items.push_back({incident.start_date_time, std::move(view)});
  }
  for (const auto& window :
       deps.maintenances.events_overlapping(ctx.now - kPast, ctx.now + kFuture, scope)) {
    ViewData view;
    view.set("title",
             ctx.text(deps, "rss.maintenance_item", {{"title", window.maintenance.title}}));
    const auto month = month_of(ctx.zone.to_local(window.event.start_date_time));
    view.set("link", base + events_path + event_month_slug(month) + "#maintenance-" +
                         std::to_string(window.event.id));
    view.set("guid", "maintenance-" + std::to_string(window.event.id));
    view.set("date", ctx.zone.to_local(window.event.start_date_time).rfc822());
    view.set("description", std::string(to_string(window.event.status)) + " · " +
                                ctx.date_time(window.event.start_date_time) + " – " +
                                ctx.date_time(window.event.end_date_time) + " · " +
                                window.maintenance.description);
    items.push_back({window.event.start_date_time, std::move(view)});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.at > b.at; });
  if (items.size() > kMaxItems) items.resize(kMaxItems);
  ViewData list{ViewData::type::list};
  for (auto& item : items) list.push_back(std::move(item.view));

  ViewData view;
  view.set("title", title);
  view.set("link", base + path);
  view.set("description", title);
  view.set("locale", ctx.locale);
  view.set("built", ctx.zone.to_local(ctx.now).rfc822());
  view.set("self", base + (path == "/" ? "" : path) + "/rss.xml");
  view.set("items", list);
  return xml(deps.templates.render("rss", std::move(view)), "application/rss+xml; charset=utf-8");
}

HttpResponse render_sitemap(const SiteDeps& deps, const RenderContext& ctx,
                            const HttpRequest& request) {
  const std::string base = base_url(deps, request);
  std::string body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  auto add = [&](const std::string& path) {
    body += "<url><loc>" + html_escape(base + path) + "</loc></url>\n";
  };
  for (const auto& page : deps.pages.list()) add("/" + page->page_path);
  std::vector<std::string> tags;
  for (const auto& spec : deps.monitors.all()) tags.push_back(spec->tag);
  std::sort(tags.begin(), tags.end());
  for (const auto& spec : visible_monitors(deps, tags)) add("/monitors/" + spec->tag);
  add("/events/" + event_month_slug(month_of(ctx.zone.to_local(ctx.now))));
  for (const auto& incident : deps.incidents.overlapping(ctx.now - kPast, ctx.now, std::nullopt)) {
    if (has_public_page(deps, incident)) add(incident_path(incident.id));
  }
  body += "</urlset>\n";
  return xml(std::move(body), "application/xml; charset=utf-8");
}

HttpResponse render_robots(const SiteDeps& deps, const HttpRequest& request) {
  return xml("User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: " + base_url(deps, request) +
                 "/sitemap.xml\n",
             "text/plain; charset=utf-8");
}

}  // namespace vigil
