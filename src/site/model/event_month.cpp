#include "site/model/event_month.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "core/ascii_case.hpp"

namespace vigil {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr int kMinYear = 1970;

Error bad_slug(std::string_view slug, std::string_view why) {
  return Error{ErrorCode::kBadRequest, "invalid month '" + std::string(slug) +
                                           "': " + std::string(why) +
                                           " (expected Month-YYYY, e.g. November-2026)"};
}

}  // namespace

Result<EventMonth> parse_event_month(std::string_view slug) {
  const std::size_t dash = slug.rfind('-');
  if (dash == std::string_view::npos) return bad_slug(slug, "no '-' between month and year");
  const std::string_view name = slug.substr(0, dash);
  const std::string_view digits = slug.substr(dash + 1);
  EventMonth out;
  out.month = 0;
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (equals_ignoring_case(name, kMonthNames[i])) out.month = static_cast<int>(i) + 1;
  }
  if (out.month == 0) return bad_slug(slug, "unknown month name");
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, out.year);
  if (digits.size() != 4 || ec != std::errc() || ptr != end || out.year < kMinYear) {
    return bad_slug(slug, "the year must be four digits from 1970");
  }
  return out;
}

std::string event_month_slug(EventMonth month) {
  return std::string(kMonthNames[month.month - 1]) + "-" + std::to_string(month.year);
}

EventMonth previous_month(EventMonth month) {
  return month.month == 1 ? EventMonth{month.year - 1, 12}
                          : EventMonth{month.year, month.month - 1};
}

EventMonth next_month(EventMonth month) {
  return month.month == 12 ? EventMonth{month.year + 1, 1}
                           : EventMonth{month.year, month.month + 1};
}

EventMonth month_of(const LocalTime& time) {
  return EventMonth{time.year, time.month};
}

TimeRange month_range(EventMonth month, const TimeZone& zone) {
  const EventMonth after = next_month(month);
  return TimeRange{zone.start_of_day(month.year, month.month, 1),
                   zone.start_of_day(after.year, after.month, 1)};
}

}  // namespace vigil
