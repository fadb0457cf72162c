#pragma once

#include <string>
#include <vector>

#include "site/model/chart_point.hpp"
#include "site/model/time_zone.hpp"

namespace vigil {

//! How to draw a latency chart.
struct ChartOptions {
  int width = 720;                       //!< SVG width in px (at least 160)
  int height = 200;                      //!< SVG height in px (at least 80)
  TimeZone zone;                         //!< zone of the x axis labels
  std::string locale = "en";             //!< language of day labels ("Nov 23") and statuses
  std::string title = "Latency";         //!< accessible name (<title>)
  std::string id = "latency-chart";      //!< element id prefix, unique within the page
  std::string no_data_text = "No data";  //!< shown when no point has data
};

//! A self-contained inline SVG of the points' average latency: a line with a light area under
//! it, broken at NO_DATA points; y ticks labelled in ms; x labels in options.zone; DOWN and
//! DEGRADED buckets marked. Colours come from CSS classes (vl-line, vl-area, vl-grid, vl-label,
//! vl-marker vl-down / vl-degraded) with defaults built on currentColor and CSS variables
//! (--vigil-chart-line, --vigil-down, --vigil-degraded), so light and dark themes restyle it.
//! Every text is escaped.
std::string render_latency_chart(const std::vector<ChartPoint>& points,
                                 const ChartOptions& options);

}  // namespace vigil
