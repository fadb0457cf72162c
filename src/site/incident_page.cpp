#include "site/incident_page.hpp"

#include <charconv>

#include "site/events_view.hpp"
#include "site/model/relative_duration.hpp"
#include "site/monitor_card.hpp"

namespace vigil {
namespace {

// The visible monitors an incident affects, each with its impact, in the incident's order.
ViewData affected_monitors(const SiteDeps& deps, const RenderContext& ctx,
                           const Incident& incident) {
  ViewData list{ViewData::type::list};
  for (const auto& impact : incident.monitors) {
    for (const auto& monitor : visible_monitors(deps, {impact.monitor_tag})) {
      ViewData item;
      item.set("tag", monitor->tag);
      item.set("name", monitor->name);
      item.set("impact", status_class(impact.impact));
      item.set("impact_text", ctx.text(deps, status_key(impact.impact)));
      list.push_back(item);
    }
  }
  return list;
}

// "Started …, lasted …" or "Started …, still ongoing": the page's description for link previews.
std::string summary(const SiteDeps& deps, const RenderContext& ctx, const Incident& incident) {
  const std::string start = ctx.date_time(incident.start_date_time);
  if (!incident.end_date_time) return ctx.text(deps, "events.started_ongoing", {{"start", start}});
  const std::string duration =
      relative_duration(*incident.end_date_time - incident.start_date_time);
  return ctx.text(deps, "events.started_lasted", {{"start", start}, {"duration", duration}});
}

}  // namespace

std::optional<Incident> public_incident(const SiteDeps& deps, std::string_view id) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
  if (id.empty() || ec != std::errc() || end != id.data() + id.size()) return std::nullopt;
  auto incident = deps.incidents.find(value);
  if (!incident || !has_public_page(deps, *incident)) return std::nullopt;
  return incident;
}

HttpResponse render_incident_page(const SiteDeps& deps, const RenderContext& ctx,
                                  const Incident& incident) {
  ViewData view;
  view.set("incident", incident_view(deps, ctx, incident));
  ViewData monitors = affected_monitors(deps, ctx, incident);
  view.set("has_monitors", !monitors.list_value().empty());
  view.set("monitors", monitors);
  view.set("events_url", events_month_path(ctx, incident.start_date_time));

  LayoutOptions options;
  options.title = incident.title + " · " + ctx.site->site_name;
  options.description = summary(deps, ctx, incident);
  options.canonical_path = incident_path(incident.id);
  options.rss_path = "/rss.xml";
  return html_response(render_in_layout(deps, ctx, "incident", std::move(view), options));
}

}  // namespace vigil
