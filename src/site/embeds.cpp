#include "site/embeds.hpp"

#include <charconv>

#include "site/events_view.hpp"
#include "site/monitor_card.hpp"
#include "site/monitor_page.hpp"

namespace vigil {
namespace {

constexpr std::string_view kMonitorPrefix = "monitor-";
constexpr std::string_view kLatencyPrefix = "latency-";
constexpr std::string_view kEventsWidget = "events/live";

Result<int> int_param(const HttpRequest& request, const std::string& name, int fallback, int min,
                      int max) {
  auto text = request.query_param(name);
  if (!text || text->empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return Error{ErrorCode::kBadRequest, name + ": expected a whole number from " +
                                             std::to_string(min) + " to " + std::to_string(max)};
  }
  return value;
}

Result<std::string> theme_param(const HttpRequest& request) {
  const std::string theme(request.query_param("theme").value_or("system"));
  if (theme != "light" && theme != "dark" && theme != "system") {
    return Error{ErrorCode::kBadRequest, "theme: expected light, dark or system"};
  }
  return theme;
}

// The chart range that covers `days` days.
std::string_view range_for_days(int days) {
  if (days <= 1) return "24h";
  if (days <= 7) return "7d";
  if (days <= 14) return "14d";
  if (days <= 30) return "30d";
  if (days <= 60) return "60d";
  return "90d";
}

bool flag(const HttpRequest& request, const std::string& name) {
  const auto value = request.query_param(name).value_or("true");
  return value != "false" && value != "0" && value != "no";
}

HttpResponse not_found() {
  return HttpResponse::error(404, "NOT_FOUND", "No such monitor");
}

HttpResponse embed_page(const SiteDeps& deps, const RenderContext& ctx, const std::string& name,
                        ViewData view, const std::string& theme) {
  view.set("site_url", ctx.site->site_url);
  LayoutOptions options;
  options.embed = true;
  options.forced_theme = theme;
  options.title = ctx.site->site_name;
  return html_response(render_in_layout(deps, ctx, name, std::move(view), options));
}

}  // namespace

HttpResponse render_embed(const SiteDeps& deps, const RenderContext& ctx,
                          const HttpRequest& request, std::string_view widget) {
  auto theme = theme_param(request);
  if (!theme.ok()) return HttpResponse::error(400, "BAD_REQUEST", theme.error().message);
  if (widget == kEventsWidget) {
    EventScope scope;
    if (auto tags = request.query_param("tags"); tags && !tags->empty()) scope = split_tags(*tags);
    ViewData view;
    EventPanelOptions events;
    events.ongoing_incidents = flag(request, "incidents");
    events.ongoing_maintenances = flag(request, "maintenance");
    events.upcoming_within = events.ongoing_maintenances ? 7 * kDay : 0;
    add_events_panel(deps, ctx, scope, events, view);
    return embed_page(deps, ctx, "embed_events", std::move(view), *theme);
  }
  const bool latency = widget.starts_with(kLatencyPrefix);
  if (!latency && !widget.starts_with(kMonitorPrefix)) {
    return HttpResponse::error(404, "NOT_FOUND", "No such embed");
  }
  const std::string tag(widget.substr(kMonitorPrefix.size()));
  const auto visible = visible_monitors(deps, {tag});
  if (visible.empty()) return not_found();
  const MonitorSpec& monitor = *visible.front();
  auto days = int_param(request, "days", 90, 1, 90);
  if (!days.ok()) return HttpResponse::error(400, "BAD_REQUEST", days.error().message);
  if (latency) {
    auto height = int_param(request, "height", 200, 80, 1000);
    if (!height.ok()) return HttpResponse::error(400, "BAD_REQUEST", height.error().message);
    const ChartRange range = *chart_range(range_for_days(*days));
    const auto chart = latency_chart_view(
        deps, ctx, monitor, range, deps.summaries.summary(monitor, range.window).latency, *height);
    ViewData view;
    view.set("tag", monitor.tag);
    view.set("name", monitor.name);
    view.set("chart", chart.svg);
    view.set("range_summary", chart.summary);
    return embed_page(deps, ctx, "embed_latency", std::move(view), *theme);
  }
  const auto summary = deps.summaries.summary(monitor, *days * kDay);
  ViewData view = monitor_card(deps, ctx, monitor, summary, BarWindow{*days, std::min(*days, 30)});
  return embed_page(deps, ctx, "embed_monitor", std::move(view), *theme);
}

HttpResponse render_embed_loader(const SiteDeps& deps, const RenderContext& ctx,
                                 const HttpRequest& request, std::string_view widget) {
  std::string frame = "/embed/" + std::string(widget);
  const auto question = request.target.find('?');
  if (question != std::string::npos) frame += request.target.substr(question);
  if (!ctx.site->site_url.empty()) frame = ctx.site->site_url + frame;
  ViewData view;
  view.set("frame_url", frame);
  view.set("title", ctx.site->site_name);
  auto height = int_param(request, "height", widget == kEventsWidget ? 240 : 140, 80, 1000);
  view.set("height", std::to_string(height.ok() ? *height + 40 : 180));
  HttpResponse response;
  response.content_type = "text/javascript; charset=utf-8";
  response.body = deps.templates.render("embed_loader.js", std::move(view));
  return response;
}

}  // namespace vigil
