#pragma once

#include "core/monitor_spec.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! A monitor's own page (`/monitors/{tag}`): status, uptime over every chart range, the latency
//! chart of `?range=` (default 24h), 90 day bars, and with `?day=YYYY-MM-DD` that day's minutes.
//! A bad range or day is a 400 page.
HttpResponse render_monitor_page(const SiteDeps& deps, const RenderContext& ctx,
                                 const MonitorSpec& monitor, const HttpRequest& request);

//! The latency chart of `monitor` over the range named `range_name` ("24h", …), drawn as SVG,
//! and a one-line summary (average, minimum, maximum); kBadRequest for an unknown range.
struct LatencyChartView {
  std::string svg;
  std::string summary;
};
Result<LatencyChartView> latency_chart_view(const SiteDeps& deps, const RenderContext& ctx,
                                            const MonitorSpec& monitor, std::string_view range_name,
                                            int height);

}  // namespace vigil
