#include "site/monitor_page.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "core/uptime_formula.hpp"
#include "site/events_view.hpp"
#include "site/model/chart_range.hpp"
#include "site/model/latency_chart.hpp"
#include "site/monitor_card.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultRange = "24h";
constexpr int kDayLinks = 14;

// "?range=…" links keep the visitor's zone and language choices.
std::string link(const RenderContext& ctx, const std::string& path, const std::string& query) {
  std::string href = path + "?" + query;
  if (ctx.visitor_zone) href += "&tz=" + ctx.zone.name();
  if (ctx.locale_from_query) href += "&locale=" + ctx.locale;
  return href;
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string day_slug(const LocalDay& day) {
  return std::to_string(day.year) + "-" + two_digits(day.month) + "-" + two_digits(day.day);
}

// The local day named "YYYY-MM-DD" in the context's zone.
std::optional<LocalDay> parse_day(const RenderContext& ctx, std::string_view text) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) return {};
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  LocalDay local{ctx.zone.start_of_day(year, month, day), 0, year, month, day};
  const LocalTime check = ctx.zone.to_local(local.start_utc);
  if (check.day != day || check.month != month) return {};  // e.g. 2026-02-30
  const LocalTime next = ctx.zone.to_local(local.start_utc + 26 * kHour);
  local.end_utc = ctx.zone.start_of_day(next.year, next.month, next.day);
  return local;
}

ViewData minutes_view(const SiteDeps& deps, const RenderContext& ctx, const MonitorSpec& monitor,
                      const LocalDay& day) {
  std::map<Seconds, Bucket> rows;
  for (auto& row :
       deps.ingestor.read(monitor.tag, Granularity::kMinute, day.start_utc, day.end_utc)) {
    rows.emplace(row.start, std::move(row));
  }
  ViewData minutes{ViewData::type::list};
  for (Seconds t = day.start_utc; t < day.end_utc; t += kMinute) {
    ViewData minute;
    const LocalTime local = ctx.zone.to_local(t);
    std::string tip = two_digits(local.hour) + ":" + two_digits(local.minute) + " · ";
    auto it = rows.find(t);
    if (it == rows.end()) {
      minute.set("c", status_class(Status::kNoData));
      tip += ctx.text(deps, "tooltip.no_data");
    } else {
      minute.set("c", status_class(it->second.status()));
      tip += ctx.text(deps, status_key(it->second.status())) + " · " +
             latency_text(it->second.latency);
    }
    minute.set("tip", tip);
    minutes.push_back(minute);
  }
  ViewData view;
  view.set("label", deps.messages.long_date(ctx.locale, day.month, day.day,
                                            ctx.zone.to_local(day.start_utc).weekday));
  view.set("minutes", minutes);
  return view;
}

}  // namespace

LatencyChartView latency_chart_view(const SiteDeps& deps, const RenderContext& ctx,
                                    const MonitorSpec& monitor, const ChartRange& range,
                                    const LatencyStats& stats, int height) {
  const std::string tag = monitor.tag;
  const auto points =
      chart_points(range, ctx.now, [&deps, &tag](Granularity g, Seconds from, Seconds to) {
        return deps.ingestor.read(tag, g, from, to);
      });
  ChartOptions options;
  options.height = height;
  options.zone = ctx.zone;
  options.locale = ctx.locale;
  options.title = ctx.text(deps, "monitor.latency_chart") + " · " + monitor.name;
  options.id = "latency-" + tag;
  options.no_data_text = ctx.text(deps, "monitor.no_data_range");
  std::string summary = ctx.text(deps, "monitor.avg") + " " + latency_text(stats);
  if (stats.count > 0) {
    summary += " · " + ctx.text(deps, "monitor.min") + " " +
               std::to_string(std::llround(stats.min)) + " ms · " + ctx.text(deps, "monitor.max") +
               " " + std::to_string(std::llround(stats.max)) + " ms";
  }
  return LatencyChartView{render_latency_chart(points, options), summary};
}

HttpResponse render_monitor_page(const SiteDeps& deps, const RenderContext& ctx,
                                 const MonitorSpec& monitor, const HttpRequest& request) {
  const std::string path = "/monitors/" + monitor.tag;
  const std::string range_name(request.query_param("range").value_or(kDefaultRange));
  auto selected = chart_range(range_name);
  if (!selected.ok()) return HttpResponse::error(400, "BAD_REQUEST", selected.error().message);
  std::optional<LocalDay> day;
  if (auto text = request.query_param("day"); text && !text->empty()) {
    day = parse_day(ctx, *text);
    if (!day) return HttpResponse::error(400, "BAD_REQUEST", "day: expected YYYY-MM-DD");
  }

  // One summary per range serves the uptime list, the chart's summary and the card (90 days).
  std::map<std::string_view, MonitorSummary> by_range;
  for (const auto& range : chart_ranges()) {
    by_range.emplace(range.name, deps.summaries.summary(monitor, range.window));
  }
  const auto chart =
      latency_chart_view(deps, ctx, monitor, *selected, by_range.at(selected->name).latency, 200);
  ViewData card = monitor_card(deps, ctx, monitor, by_range.at("90d"), BarWindow{90, 30});
  set_if(card, "external_url", monitor.external_url.value_or(""));
  ViewData view;
  view.set("monitor", card);

  ViewData uptimes{ViewData::type::list};
  ViewData ranges{ViewData::type::list};
  for (const auto& range : chart_ranges()) {
    ViewData uptime;
    uptime.set("value", format_uptime(by_range.at(range.name).uptime_percent));
    uptime.set("label", ctx.text(deps, range.message_key));
    uptimes.push_back(uptime);
    ViewData item;
    item.set("href", link(ctx, path, "range=" + std::string(range.name)));
    item.set("label", ctx.text(deps, range.message_key));
    item.set("on", range.name == range_name);
    ranges.push_back(item);
  }
  view.set("uptimes", uptimes);
  view.set("ranges", ranges);
  view.set("chart", chart.svg);
  view.set("range_summary", chart.summary);

  ViewData day_links{ViewData::type::list};
  for (const auto& local : ctx.zone.days_ending_at(ctx.now, kDayLinks)) {
    ViewData item;
    item.set("href", link(ctx, path, "range=" + range_name + "&day=" + day_slug(local)));
    item.set("label", ctx.short_date(deps, local));
    item.set("on", day && day->start_utc == local.start_utc);
    day_links.push_back(item);
  }
  view.set("day_links", day_links);
  if (day) view.set("day", minutes_view(deps, ctx, monitor, *day));
  EventPanelOptions events;
  events.upcoming_within = 30 * kDay;
  add_events_panel(deps, ctx, std::vector<std::string>{monitor.tag}, events, view);

  LayoutOptions options;
  options.title = monitor.name + " · " + ctx.site->site_name;
  options.description = monitor.description;
  options.image = monitor.image;
  options.canonical_path = path;
  options.rss_path = path + "/rss.xml";
  return html_response(render_in_layout(deps, ctx, "monitor", std::move(view), options));
}

}  // namespace vigil
