#include "site/monitor_card.hpp"

#include <boost/json.hpp>

#include <cmath>

#include "core/uptime_formula.hpp"
#include "site/model/day_bar.hpp"

namespace vigil {
namespace {

std::string day_tooltip(const SiteDeps& deps, const RenderContext& ctx, const DayBar& bar) {
  std::string tip = ctx.short_date(deps, bar.day) + " · ";
  if (bar.status == Status::kNoData) return tip + ctx.text(deps, "tooltip.no_data");
  tip += ctx.text(deps, "tooltip.uptime", {{"uptime", bar.uptime}});
  const std::pair<std::int64_t, std::string_view> parts[] = {
      {bar.minutes_down, "tooltip.minutes_down"},
      {bar.minutes_degraded, "tooltip.minutes_degraded"},
      {bar.minutes_maintenance, "tooltip.minutes_maintenance"},
  };
  for (const auto& [minutes, key] : parts) {
    if (minutes > 0) tip += " · " + ctx.text(deps, key, {{"n", std::to_string(minutes)}});
  }
  return tip;
}

// The member tags of a GROUP monitor's type_data ({"monitors":[{"tag":…}, …]}).
std::vector<std::string> group_members(const MonitorSpec& monitor) {
  std::vector<std::string> tags;
  boost::system::error_code ec;
  const auto data = boost::json::parse(monitor.type_data, ec);
  if (ec || !data.is_object()) return tags;
  const auto* members = data.as_object().if_contains("monitors");
  if (members == nullptr || !members->is_array()) return tags;
  for (const auto& member : members->as_array()) {
    const auto* tag = member.is_object() ? member.as_object().if_contains("tag") : nullptr;
    if (tag != nullptr && tag->is_string()) tags.emplace_back(tag->as_string());
  }
  return tags;
}

void add_members(const SiteDeps& deps, const MonitorSpec& group, Seconds window, ViewData& view) {
  const auto members = visible_monitors(deps, group_members(group));
  if (members.empty()) return;
  const auto summaries = deps.summaries.summaries(members, window);
  ViewData list{ViewData::type::list};
  for (std::size_t i = 0; i < members.size(); ++i) {
    ViewData item;
    item.set("tag", members[i]->tag);
    item.set("name", members[i]->name);
    item.set("status", status_class(summaries[i].status));
    item.set("uptime", format_uptime(summaries[i].uptime_percent));
    list.push_back(item);
  }
  view.set("has_members", true);
  view.set("member_count", std::to_string(members.size()));
  view.set("members", list);
}

}  // namespace

std::string latency_text(const LatencyStats& latency) {
  if (latency.count == 0) return "-";
  return std::to_string(std::llround(latency.avg())) + " ms";
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (auto tag = text.substr(0, comma); !tag.empty()) tags.emplace_back(tag);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return tags;
}

std::vector<std::shared_ptr<const MonitorSpec>> visible_monitors(
    const SiteDeps& deps, const std::vector<std::string>& tags) {
  std::vector<std::shared_ptr<const MonitorSpec>> visible;
  for (const auto& tag : tags) {
    auto spec = deps.monitors.find(tag);
    if (spec && spec->active && !spec->hidden) visible.push_back(std::move(spec));
  }
  return visible;
}

void add_day_bars(const SiteDeps& deps, const RenderContext& ctx, const MonitorSpec& monitor,
                  const BarWindow& bars, ViewData& view) {
  const std::string tag = monitor.tag;
  auto history = deps.history.get(tag, ctx.zone.name(), ctx.now, bars.days,
                                  [&deps, &tag](Granularity g, Seconds from, Seconds to) {
                                    return deps.ingestor.read(tag, g, from, to);
                                  });
  ViewData days{ViewData::type::list};
  if (history.ok()) {
    const auto formula = deps.summaries.formula_of(monitor);
    const int hidden_on_mobile = std::max(0, bars.days - bars.mobile_days);
    int index = 0;
    for (const auto& summary : *history) {
      const DayBar bar = make_day_bar(summary, *formula);
      ViewData day;
      day.set("c", status_class(bar.status));
      day.set("tip", day_tooltip(deps, ctx, bar));
      day.set("old", index++ < hidden_on_mobile);
      ViewData segments{ViewData::type::list};
      if (bar.segments.size() > 1) {
        for (const auto& segment : bar.segments) {
          ViewData part;
          part.set("c", status_class(segment.status));
          part.set("h", std::to_string(segment.percent));
          segments.push_back(part);
        }
      }
      day.set("segs", segments);
      days.push_back(day);
    }
    if (!history->empty()) view.set("bars_from", ctx.short_date(deps, history->front().day));
  }
  view.set("days", days);
  view.set("bars_label",
           ctx.text(deps, "page.history_days", {{"days", std::to_string(bars.days)}}));
}

ViewData monitor_card(const SiteDeps& deps, const RenderContext& ctx, const MonitorSpec& monitor,
                      const MonitorSummary& summary, const BarWindow& bars) {
  ViewData view;
  view.set("tag", monitor.tag);
  view.set("name", monitor.name.empty() ? monitor.tag : monitor.name);
  set_if(view, "image", monitor.image);
  set_if(view, "description", monitor.description);
  view.set("status", status_class(summary.status));
  view.set("status_text", ctx.text(deps, status_key(summary.status)));
  view.set("uptime", format_uptime(summary.uptime_percent));
  view.set("latency", latency_text(summary.latency));
  add_day_bars(deps, ctx, monitor, bars, view);
  if (monitor.monitor_type == "GROUP") add_members(deps, monitor, bars.days * kDay, view);
  return view;
}

}  // namespace vigil
