#include "site/badge/badge_routes.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "site/badge/badge_query.hpp"
#include "site/badge/badge_renderer.hpp"

namespace vigil {
namespace {

enum class BadgeKind { kStatus, kUptime, kLatency, kDot };

constexpr const char* kAllTag = "_";
constexpr const char* kAllName = "All Monitors";
constexpr const char* kSvgType = "image/svg+xml";
constexpr const char* kCacheControl = "public, max-age=60";
// Kener's defaults: label background, and the message colour of uptime and latency badges.
constexpr const char* kLabelColor = "#333";
constexpr const char* kMetricColor = "#0079ff";

const char* kind_name(BadgeKind kind) {
  switch (kind) {
    case BadgeKind::kStatus:
      return "status";
    case BadgeKind::kUptime:
      return "uptime";
    case BadgeKind::kLatency:
      return "latency";
    case BadgeKind::kDot:
      return "dot";
  }
  return "status";
}

//! Uptime and latency badges read a window of rollups; status and dot badges the live state.
bool is_windowed(BadgeKind kind) {
  return kind == BadgeKind::kUptime || kind == BadgeKind::kLatency;
}

//! Kener's default status colours.
const char* status_color(Status status) {
  switch (status) {
    case Status::kUp:
      return "#00dfa2";
    case Status::kDegraded:
      return "#e6ca61";
    case Status::kDown:
      return "#ca3038";
    case Status::kMaintenance:
      return "#6679cc";
    case Status::kNoData:
      return "#9ca3af";
  }
  return "#9ca3af";
}

//! Shields' colours by band of the uptime as shown (4 decimals); light grey without data.
const char* uptime_color(std::optional<double> percent) {
  if (!percent) return "#9f9f9f";
  const double shown = std::round(*percent * 10'000) / 10'000;
  if (shown >= 99.9) return "#4c1";
  if (shown >= 99) return "#97ca00";
  if (shown >= 97) return "#a4a61d";
  if (shown >= 95) return "#dfb317";
  if (shown >= 90) return "#fe7d37";
  return "#e05d44";
}

//! The window after the label: whole days, else whole hours, else minutes ("90d", "6h", "15m").
std::string format_duration(Seconds seconds) {
  if (seconds >= kDay) return std::to_string(seconds / kDay) + "d";
  if (seconds >= kHour) return std::to_string(seconds / kHour) + "h";
  return std::to_string(seconds / kMinute) + "m";
}

//! Kener's latency text: "123ms", "1.23s", "1.50m", "2.00h".
std::string format_latency(double ms) {
  if (ms < 1000) return fmt::format("{}ms", std::lround(ms));
  if (ms < 60'000) return fmt::format("{:.2f}s", ms / 1000);
  if (ms < 3'600'000) return fmt::format("{:.2f}m", ms / 60'000);
  return fmt::format("{:.2f}h", ms / 3'600'000);
}

std::string latency_message(const LatencyStats& latency, LatencyMetric metric) {
  if (latency.count == 0) return "-";
  switch (metric) {
    case LatencyMetric::kMaximum:
      return format_latency(latency.max);
    case LatencyMetric::kMinimum:
      return format_latency(latency.min);
    case LatencyMetric::kAverage:
      break;
  }
  return format_latency(latency.avg());
}

std::string uptime_message(std::optional<double> percent) {
  return percent ? format_uptime(percent) + "%" : "-";
}

HttpResponse svg_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = kSvgType;
  response.body = std::move(body);
  return response;
}

HttpResponse not_found(BadgeStyle style) {
  BadgeSpec badge;
  badge.label = "badge";
  badge.message = "not found";
  badge.color = "#9f9f9f";
  badge.style = style;
  HttpResponse response = svg_response(404, render_badge(badge));
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

//! The monitors one badge covers and the name it shows.
struct Subject {
  std::vector<std::shared_ptr<const MonitorSpec>> monitors;
  std::string name;
  bool aggregate = false;
};

bool is_public(const MonitorSpec& monitor) {
  return monitor.active && !monitor.hidden;
}

//! Nullopt when `tag` is not a public monitor (nor `_`).
std::optional<Subject> find_subject(const BadgeRouteDeps& deps, const std::string& tag) {
  Subject subject;
  if (tag == kAllTag) {
    subject.aggregate = true;
    subject.name = deps.site_name ? deps.site_name() : std::string();
    if (subject.name.empty()) subject.name = kAllName;
    for (auto& monitor : deps.monitors.all()) {
      if (is_public(*monitor)) subject.monitors.push_back(std::move(monitor));
    }
    return subject;
  }
  auto monitor = deps.monitors.find(tag);
  if (!monitor || !is_public(*monitor)) return std::nullopt;
  subject.name = monitor->name;
  subject.monitors.push_back(std::move(monitor));
  return subject;
}

//! The subject's live status (for `_` the worst); status and dot badges read nothing else.
Status live_status(const BadgeRouteDeps& deps, const Subject& subject) {
  std::vector<MonitorSummary> seen(subject.monitors.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (const auto live = deps.live.get(subject.monitors[i]->tag)) seen[i].status = live->status;
  }
  return overall_status(seen);
}

//! The subject's summary over `window`: its monitor's, or for `_` the summed counts and latency
//! with the uptime by the standard formula (as Kener).
MonitorSummary summarize(const BadgeRouteDeps& deps, const Subject& subject, Seconds window) {
  auto summaries = deps.summaries.summaries(subject.monitors, window);
  if (!subject.aggregate) return summaries.front();
  MonitorSummary all;
  all.tag = kAllTag;
  for (const auto& summary : summaries) {
    all.counts.merge(summary.counts);
    all.latency.merge(summary.latency);
  }
  if (all.counts.total() > 0) all.uptime_percent = UptimeFormula::standard().percent(all.counts);
  return all;
}

HttpResponse render(const BadgeRouteDeps& deps, BadgeKind kind, const std::string& tag,
                    const BadgeQuery& query) {
  const auto subject = find_subject(deps, tag);
  if (!subject) return not_found(query.style);
  BadgeSpec badge;
  badge.style = query.style;
  badge.label_color = query.label_color.value_or(kLabelColor);
  if (!is_windowed(kind)) {
    const Status status = live_status(deps, *subject);
    if (kind == BadgeKind::kDot) {
      DotSpec dot;
      dot.fill = query.fill_color.value_or(status_color(status));
      dot.ping = query.ping;
      dot.title = subject->name + ": " + std::string(to_string(status));
      return svg_response(200, render_dot(dot));
    }
    badge.label = query.label.value_or(subject->name);
    badge.message = to_string(status);
    badge.color = query.color.value_or(status_color(status));
    return svg_response(200, render_badge(badge));
  }
  const MonitorSummary summary = summarize(deps, *subject, query.since_last);
  if (kind == BadgeKind::kUptime) {
    badge.message = uptime_message(summary.uptime_percent);
    badge.color = query.color.value_or(uptime_color(summary.uptime_percent));
  } else {
    badge.message = latency_message(summary.latency, query.metric);
    badge.color = query.color.value_or(kMetricColor);
  }
  const std::string duration = query.hide_duration ? "" : " " + format_duration(query.since_last);
  badge.label = query.label.value_or(subject->name + duration);
  return svg_response(200, render_badge(badge));
}

//! What a badge shows changes with the site (names, visibility) and with the live state
//! (status, dot) or the minute (uptime and latency windows). Each part only grows, so their sum
//! moves whenever one of them does.
std::uint64_t revision_of(const BadgeRouteDeps& deps, BadgeKind kind) {
  const auto minute = static_cast<std::uint64_t>(to_seconds(deps.clock.now_ms()) / kMinute);
  return deps.site.value() + (is_windowed(kind) ? minute : deps.live.revision());
}

void add_route(Router& router, const BadgeRouteDeps& deps, BadgeKind kind) {
  router.add("GET", std::string("/badge/{tag}/") + kind_name(kind),
             [deps, kind](const HttpRequest& request, const PathParams& params) {
               auto query = parse_badge_query(request);
               if (!query) {
                 return HttpResponse::error(400, to_string(query.error().code),
                                            query.error().message);
               }
               const std::string& tag = params.at("tag");
               return deps.cache.serve(request, badge_cache_key(kind_name(kind), tag, request),
                                       revision_of(deps, kind), kCacheControl,
                                       [&] { return render(deps, kind, tag, *query); });
             });
}

}  // namespace

void add_badge_routes(Router& router, BadgeRouteDeps deps) {
  for (BadgeKind kind :
       {BadgeKind::kStatus, BadgeKind::kUptime, BadgeKind::kLatency, BadgeKind::kDot}) {
    add_route(router, deps, kind);
  }
}

}  // namespace vigil
