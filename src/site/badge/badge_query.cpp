#include "site/badge/badge_query.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "site/badge/badge_color.hpp"

namespace vigil {
namespace {

constexpr std::array<std::string_view, 9> kParameters = {"animate",      "color",     "fillColor",
                                                         "hideDuration", "label",     "labelColor",
                                                         "metric",       "sinceLast", "style"};
constexpr std::size_t kMaxLabelBytes = 256;
constexpr Seconds kMinSinceLast = kMinute;
constexpr Seconds kMaxSinceLast = 3650 * kDay;

Error bad_request(std::string message) {
  return Error{ErrorCode::kBadRequest, std::move(message)};
}

//! A parameter's value; nullopt when absent or empty.
std::optional<std::string_view> value_of(const HttpRequest& request, const std::string& name) {
  const auto value = request.query_param(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<Error> read_color(const HttpRequest& request, const std::string& name,
                                std::optional<std::string>& out) {
  const auto value = value_of(request, name);
  if (!value) return std::nullopt;
  out = parse_badge_color(*value);
  if (out) return std::nullopt;
  return bad_request(name +
                     ": not a colour (use a name such as brightgreen, hex digits or rgb(r,g,b))");
}

std::optional<Error> read_since_last(const HttpRequest& request, Seconds& out) {
  const auto value = value_of(request, "sinceLast");
  if (!value) return std::nullopt;
  Seconds seconds = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
  if (ec != std::errc() || end != value->data() + value->size() || seconds < kMinSinceLast ||
      seconds > kMaxSinceLast) {
    return bad_request("sinceLast: a whole number of seconds from " +
                       std::to_string(kMinSinceLast) + " to " + std::to_string(kMaxSinceLast));
  }
  out = seconds;
  return std::nullopt;
}

//! One of `choices` (name, value); an error listing them otherwise.
template <class T, std::size_t N>
std::optional<Error> read_choice(const HttpRequest& request, const std::string& name,
                                 const std::array<std::pair<std::string_view, T>, N>& choices,
                                 T& out) {
  const auto value = value_of(request, name);
  if (!value) return std::nullopt;
  std::string allowed;
  for (const auto& [text, choice] : choices) {
    if (*value == text) {
      out = choice;
      return std::nullopt;
    }
    allowed += allowed.empty() ? "" : ", ";
    allowed += text;
  }
  return bad_request(name + ": must be one of " + allowed);
}

}  // namespace

Result<BadgeQuery> parse_badge_query(const HttpRequest& request) {
  BadgeQuery query;
  if (const auto style = value_of(request, "style")) {
    const auto parsed = parse_badge_style(*style);
    if (!parsed) {
      return bad_request("style: must be one of flat, flat-square, plastic, for-the-badge, social");
    }
    query.style = *parsed;
  }
  if (const auto label = value_of(request, "label")) {
    if (label->size() > kMaxLabelBytes) {
      return bad_request("label: at most " + std::to_string(kMaxLabelBytes) + " bytes");
    }
    if (const auto trimmed = trim(*label); !trimmed.empty()) query.label = std::string(trimmed);
  }
  static constexpr std::array<std::pair<std::string_view, LatencyMetric>, 3> kMetrics = {{
      {"average", LatencyMetric::kAverage},
      {"maximum", LatencyMetric::kMaximum},
      {"minimum", LatencyMetric::kMinimum},
  }};
  static constexpr std::array<std::pair<std::string_view, bool>, 4> kBooleans = {{
      {"true", true},
      {"false", false},
      {"1", true},
      {"0", false},
  }};
  static constexpr std::array<std::pair<std::string_view, bool>, 2> kAnimations = {{
      {"ping", true},
      {"none", false},
  }};
  for (auto error : {read_color(request, "labelColor", query.label_color),
                     read_color(request, "color", query.color),
                     read_color(request, "fillColor", query.fill_color),
                     read_since_last(request, query.since_last),
                     read_choice(request, "hideDuration", kBooleans, query.hide_duration),
                     read_choice(request, "metric", kMetrics, query.metric),
                     read_choice(request, "animate", kAnimations, query.ping)}) {
    if (error) return *error;
  }
  return query;
}

std::string badge_cache_key(std::string_view kind, std::string_view tag,
                            const HttpRequest& request) {
  // Lengths before values keep keys unambiguous whatever the values contain.
  std::string key = std::string(kind) + ':' + std::to_string(tag.size()) + ':' + std::string(tag);
  for (std::string_view name : kParameters) {
    const auto value = request.query_param(std::string(name));
    if (!value) continue;
    key += '&';
    key += name;
    key += '=' + std::to_string(value->size()) + ':';
    key += *value;
  }
  return key;
}

}  // namespace vigil
