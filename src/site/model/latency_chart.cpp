#include "site/model/latency_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <utility>

#include "core/bucket.hpp"
#include "site/model/html_escape.hpp"
#include "site/model/message_catalog.hpp"

namespace vigil {
namespace {

constexpr int kMinWidth = 160;
constexpr int kMinHeight = 80;
constexpr double kMarginLeft = 56;
constexpr double kMarginRight = 12;
constexpr double kMarginTop = 10;
constexpr double kMarginBottom = 24;
constexpr double kLabelGap = 6;
constexpr int kYTicks = 4;
constexpr Seconds kMaxXTicks = 6;
constexpr double kPointRadius = 1.5;
constexpr double kMarkerRadius = 3;

constexpr std::array<Seconds, 15> kTimeSteps = {
    kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
    kHour,   2 * kHour,   3 * kHour,    6 * kHour,    12 * kHour,
    kDay,    2 * kDay,    7 * kDay,     15 * kDay,    30 * kDay};

constexpr std::string_view kStyle =
    ".vigil-latency-chart{font:10px sans-serif}"
    ".vigil-latency-chart .vl-grid{stroke:currentColor;stroke-opacity:.12}"
    ".vigil-latency-chart .vl-label{fill:currentColor;fill-opacity:.65}"
    ".vigil-latency-chart .vl-line{fill:none;stroke:var(--vigil-chart-line,#3b82f6);"
    "stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}"
    ".vigil-latency-chart .vl-area{fill:var(--vigil-chart-line,#3b82f6);fill-opacity:.12}"
    ".vigil-latency-chart .vl-point{fill:var(--vigil-chart-line,#3b82f6)}"
    ".vigil-latency-chart .vl-down{fill:var(--vigil-down,#ef4444)}"
    ".vigil-latency-chart .vl-degraded{fill:var(--vigil-degraded,#f59e0b)}";

//! Maps times and latencies to SVG coordinates.
struct Plot {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
  Seconds first = 0;  //!< time at the left edge
  Seconds last = 0;   //!< time at the right edge
  double top_ms = 1;  //!< latency at the top edge

  double x(Seconds t) const {
    if (last == first) return left + width / 2;
    return left + width * static_cast<double>(t - first) / static_cast<double>(last - first);
  }
  double y(double ms) const {
    const double share = std::isfinite(ms) ? std::clamp(ms / top_ms, 0.0, 1.0) : 0.0;
    return top + height * (1 - share);
  }
  double bottom() const { return top + height; }
};

//! 1, 2 or 5 times a power of ten, so that about kYTicks steps reach `max`.
double nice_step(double max) {
  const double raw = max / kYTicks;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0}) {
    if (raw <= factor * magnitude) return factor * magnitude;
  }
  return 10 * magnitude;
}

struct Tick {
  Seconds at = 0;
  std::string label;
};

//! X ticks at round local times: clock times within a day, local midnights beyond.
std::vector<Tick> time_ticks(const Plot& plot, const ChartOptions& options) {
  const MessageCatalog& catalog = MessageCatalog::builtin();
  const Seconds span = plot.last - plot.first;
  auto fits = [span](Seconds step) { return span / step <= kMaxXTicks; };
  const auto found = std::find_if(kTimeSteps.begin(), kTimeSteps.end(), fits);
  const Seconds step = found == kTimeSteps.end() ? kTimeSteps.back() : *found;
  std::vector<Tick> ticks;
  if (step >= kDay) {
    // Local midnights, counted back from the last so that the latest day is always labelled.
    const std::vector<LocalDay> days =
        options.zone.days_ending_at(plot.last, static_cast<int>(span / kDay) + 2);
    const std::size_t every = static_cast<std::size_t>(step / kDay);
    for (std::size_t i = 0; i < days.size(); ++i) {
      const LocalDay& day = days[i];
      if ((days.size() - 1 - i) % every != 0) continue;
      if (day.start_utc < plot.first || day.start_utc > plot.last) continue;
      ticks.push_back(Tick{day.start_utc, catalog.short_date(options.locale, day.month, day.day)});
    }
    return ticks;
  }
  const Seconds offset = options.zone.to_local(plot.first).utc_offset;
  for (Seconds t = -floor_to(-(plot.first + offset), step) - offset; t <= plot.last; t += step) {
    const LocalTime local = options.zone.to_local(t);
    const bool midnight = local.hour == 0 && local.minute == 0;
    ticks.push_back(Tick{t, midnight && span > kDay
                                ? catalog.short_date(options.locale, local.month, local.day)
                                : fmt::format("{:02}:{:02}", local.hour, local.minute)});
  }
  return ticks;
}

std::string format_ms(double ms) {
  return fmt::format("{:g} ms", ms);
}

//! The y axis: ticks every `step` ms from 0 to steps × step.
struct YScale {
  double step = 1;
  int steps = 1;
};

YScale y_scale(double max_ms) {
  const double max = std::max(max_ms, 1.0);
  const double step = nice_step(max);
  return YScale{step, static_cast<int>(std::ceil(max / step - 1e-9))};
}

//! The <desc>: minimum, mean and maximum over the points with data, or the no-data text.
std::string description(const LatencyStats& stats, const ChartOptions& options) {
  if (stats.count == 0) return html_escape(options.no_data_text);
  const MessageCatalog& catalog = MessageCatalog::builtin();
  return html_escape(
      fmt::format("{}: {}, {}: {}, {}: {}", catalog.text(options.locale, "monitor.min"),
                  format_ms(std::round(stats.min)), catalog.text(options.locale, "monitor.avg"),
                  format_ms(std::round(stats.avg())), catalog.text(options.locale, "monitor.max"),
                  format_ms(std::round(stats.max))));
}

void write_axes(std::string& svg, const Plot& plot, const YScale& scale, bool has_points,
                const ChartOptions& options) {
  auto out = std::back_inserter(svg);
  svg += "<g class=\"vl-axis\">";
  for (int i = 0; i <= scale.steps; ++i) {
    const double y = plot.y(i * scale.step);
    fmt::format_to(out,
                   "<line class=\"vl-grid\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
                   "y2=\"{:.1f}\"/><text class=\"vl-label\" x=\"{:.1f}\" y=\"{:.1f}\" "
                   "text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
                   plot.left, y, plot.left + plot.width, y, plot.left - kLabelGap, y,
                   format_ms(i * scale.step));
  }
  if (has_points) {
    for (const Tick& tick : time_ticks(plot, options)) {
      fmt::format_to(out,
                     "<text class=\"vl-label\" x=\"{:.1f}\" y=\"{:.1f}\" "
                     "text-anchor=\"middle\">{}</text>",
                     plot.x(tick.at), plot.bottom() + kMarginBottom - kLabelGap,
                     html_escape(tick.label));
    }
  }
  svg += "</g>";
}

//! The line and the area under it, one sub-path per run of points with data; a run of one
//! point is a dot.
void write_series(std::string& svg, const Plot& plot, const std::vector<ChartPoint>& points) {
  std::string line;
  std::string area;
  std::string dots;
  std::vector<std::pair<double, double>> run;
  auto flush = [&] {
    if (run.size() == 1) {
      fmt::format_to(std::back_inserter(dots),
                     "<circle class=\"vl-point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\"/>",
                     run[0].first, run[0].second, kPointRadius);
    } else if (run.size() > 1) {
      fmt::format_to(std::back_inserter(area), "M{:.1f},{:.1f}", run.front().first, plot.bottom());
      for (std::size_t i = 0; i < run.size(); ++i) {
        fmt::format_to(std::back_inserter(line), "{}{:.1f},{:.1f}", i == 0 ? "M" : "L",
                       run[i].first, run[i].second);
        fmt::format_to(std::back_inserter(area), "L{:.1f},{:.1f}", run[i].first, run[i].second);
      }
      fmt::format_to(std::back_inserter(area), "L{:.1f},{:.1f}Z", run.back().first, plot.bottom());
    }
    run.clear();
  };
  for (const ChartPoint& p : points) {
    if (p.status == Status::kNoData) {
      flush();
    } else {
      run.emplace_back(plot.x(p.start), plot.y(p.avg_ms));
    }
  }
  flush();
  if (!line.empty()) {
    fmt::format_to(std::back_inserter(svg),
                   "<path class=\"vl-area\" d=\"{}\"/><path class=\"vl-line\" d=\"{}\"/>", area,
                   line);
  }
  svg += dots;
}

//! A marker with a tooltip on every DOWN and DEGRADED bucket.
void write_markers(std::string& svg, const Plot& plot, const std::vector<ChartPoint>& points,
                   const ChartOptions& options) {
  const MessageCatalog& catalog = MessageCatalog::builtin();
  for (const ChartPoint& p : points) {
    if (p.status != Status::kDown && p.status != Status::kDegraded) continue;
    const std::string tooltip = fmt::format(
        "{} · {} · {}", options.zone.to_local(p.start).date_time(),
        catalog.text(options.locale, status_key(p.status)), format_ms(std::round(p.avg_ms)));
    fmt::format_to(std::back_inserter(svg),
                   "<circle class=\"vl-marker vl-{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\">"
                   "<title>{}</title></circle>",
                   p.status == Status::kDown ? "down" : "degraded", plot.x(p.start),
                   plot.y(p.avg_ms), kMarkerRadius, html_escape(tooltip));
  }
}

}  // namespace

std::string render_latency_chart(const std::vector<ChartPoint>& points,
                                 const ChartOptions& options) {
  const int width = std::max(options.width, kMinWidth);
  const int height = std::max(options.height, kMinHeight);
  LatencyStats stats;
  double max_avg = 0;
  for (const ChartPoint& p : points) {
    if (p.status == Status::kNoData || !std::isfinite(p.avg_ms)) continue;
    max_avg = std::max(max_avg, p.avg_ms);
    stats.merge(LatencyStats{p.avg_ms, p.min_ms, p.max_ms, 1});
  }
  const YScale scale = y_scale(max_avg);
  Plot plot{kMarginLeft, kMarginTop, width - kMarginLeft - kMarginRight,
            height - kMarginTop - kMarginBottom};
  plot.top_ms = scale.step * scale.steps;
  if (!points.empty()) {
    plot.first = points.front().start;
    plot.last = points.back().start;
  }

  const std::string id = html_escape(options.id);
  std::string svg;
  fmt::format_to(std::back_inserter(svg),
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vigil-latency-chart\" "
                 "id=\"{0}\" width=\"{1}\" height=\"{2}\" viewBox=\"0 0 {1} {2}\" role=\"img\" "
                 "aria-labelledby=\"{0}-title {0}-desc\"><title id=\"{0}-title\">{3}</title>"
                 "<desc id=\"{0}-desc\">{4}</desc><style>{5}</style>",
                 id, width, height, html_escape(options.title), description(stats, options),
                 kStyle);
  write_axes(svg, plot, scale, !points.empty(), options);
  write_series(svg, plot, points);
  write_markers(svg, plot, points, options);
  if (stats.count == 0) {
    fmt::format_to(std::back_inserter(svg),
                   "<text class=\"vl-label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
                   "dominant-baseline=\"middle\">{}</text>",
                   plot.left + plot.width / 2, plot.top + plot.height / 2,
                   html_escape(options.no_data_text));
  }
  svg += "</svg>";
  return svg;
}

}  // namespace vigil
