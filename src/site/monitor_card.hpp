#pragma once

#include <memory>
#include <vector>

#include "core/monitor_spec.hpp"
#include "services/status_summary_service.hpp"
#include "site/render_context.hpp"

namespace vigil {

//! How many day bars a card shows: `days` on wide screens, the last `mobile_days` on narrow ones.
struct BarWindow {
  int days = 90;
  int mobile_days = 30;
};

//! A monitor's card as the templates show it: name, image, live status, uptime and average
//! latency over `summary`'s window, and its day bars with tooltips (bars.mustache). GROUP
//! monitors list their members. `summary` must belong to `monitor`.
ViewData monitor_card(const SiteDeps& deps, const RenderContext& ctx, const MonitorSpec& monitor,
                      const MonitorSummary& summary, const BarWindow& bars);

//! The day bars of one monitor (the `days` list, bars_label and bars_from of bars.mustache).
void add_day_bars(const SiteDeps& deps, const RenderContext& ctx, const MonitorSpec& monitor,
                  const BarWindow& bars, ViewData& view);

//! "123 ms", or "-" without samples.
std::string latency_text(const LatencyStats& latency);

//! Monitors that may appear on public pages: known, active and not hidden, in `tags` order.
std::vector<std::shared_ptr<const MonitorSpec>> visible_monitors(
    const SiteDeps& deps, const std::vector<std::string>& tags);

//! The tags of a comma-separated list ("web,db"), empty items dropped.
std::vector<std::string> split_tags(std::string_view text);

}  // namespace vigil
