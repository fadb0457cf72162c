#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time_units.hpp"
#include "http/http_message.hpp"
#include "site/badge/badge_style.hpp"

namespace vigil {

//! Which latency statistic the latency badge shows.
enum class LatencyMetric { kAverage, kMaximum, kMinimum };

//! Kener's badge query parameters, validated. An empty value counts as absent, as in Kener.
struct BadgeQuery {
  BadgeStyle style = BadgeStyle::kFlat;            //!< style
  std::optional<std::string> label;                //!< label, trimmed
  std::optional<std::string> label_color;          //!< labelColor, as an SVG colour
  std::optional<std::string> color;                //!< color, as an SVG colour
  Seconds since_last = 90 * kDay;                  //!< sinceLast: the uptime/latency window
  bool hide_duration = false;                      //!< hideDuration: no "90d" after the label
  LatencyMetric metric = LatencyMetric::kAverage;  //!< metric
  bool ping = false;                               //!< animate=ping (dot)
  std::optional<std::string> fill_color;           //!< fillColor (dot), as an SVG colour
};

//! Reads style, label, labelColor, color, sinceLast, hideDuration, metric, animate and fillColor
//! (locale is accepted and ignored); a bad value is a kBadRequest error naming the parameter.
Result<BadgeQuery> parse_badge_query(const HttpRequest& request);

//! The cache key of a badge: its kind, tag and the parameters parse_badge_query reads, sorted.
//! Other parameters do not change the badge, so they cannot multiply cache entries.
std::string badge_cache_key(std::string_view kind, std::string_view tag,
                            const HttpRequest& request);

}  // namespace vigil
