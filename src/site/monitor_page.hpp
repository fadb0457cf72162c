#pragma once

#include "core/monitor_spec.hpp"
#include "site/model/chart_range.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! A monitor's own page (`/monitors/{tag}`): status, uptime over every chart range, the latency
//! chart of `?range=` (default 24h), 90 day bars, and with `?day=YYYY-MM-DD` that day's minutes.
//! A bad range or day is a 400 page.
HttpResponse render_monitor_page(const SiteDeps& deps, const RenderContext& ctx,
                                 const MonitorSpec& monitor, const HttpRequest& request);

//! The latency chart of `monitor` over `range`, drawn as SVG, and a one-line summary of
//! `stats` (the range's average, minimum, maximum).
struct LatencyChartView {
  std::string svg;
  std::string summary;
};
LatencyChartView latency_chart_view(const SiteDeps& deps, const RenderContext& ctx,
                                    const MonitorSpec& monitor, const ChartRange& range,
                                    const LatencyStats& stats, int height);

}  // namespace vigil
