#include "site/events_page.hpp"

#include <algorithm>

#include "site/events_view.hpp"

namespace vigil {

HttpResponse render_events_page(const SiteDeps& deps, const RenderContext& ctx, EventMonth month) {
  const TimeRange range = month_range(month, ctx.zone);
  struct Item {
    Seconds start;
    ViewData view;
  };
  std::vector<Item> items;
  for (const auto& incident : deps.incidents.overlapping(range.start, range.end)) {
    items.push_back({incident.start_date_time, incident_view(deps, ctx, incident)});
  }
  for (const auto& window : deps.maintenances.events_overlapping(range.start, range.end)) {
    items.push_back({window.event.start_date_time, maintenance_view(deps, ctx, window)});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.start > b.start; });
  ViewData list{ViewData::type::list};
  for (auto& item : items) list.push_back(std::move(item.view));

  const std::string month_name = deps.messages.month_year(ctx.locale, month.year, month.month);
  ViewData view;
  view.set("title", ctx.text(deps, "events.title", {{"month", month_name}}));
  view.set("items", list);
  view.set("previous_url", "/events/" + event_month_slug(previous_month(month)));
  view.set("next_url", "/events/" + event_month_slug(next_month(month)));

  LayoutOptions options;
  options.title =
      ctx.text(deps, "events.title", {{"month", month_name}}) + " · " + ctx.site->site_name;
  options.canonical_path = "/events/" + event_month_slug(month);
  options.rss_path = "/rss.xml";
  return html_response(render_in_layout(deps, ctx, "events", std::move(view), options));
}

}  // namespace vigil
