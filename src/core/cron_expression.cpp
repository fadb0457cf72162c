#include "core/cron_expression.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

namespace vigil {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

//! How one of the five fields is spelled and which values it takes.
struct FieldSpec {
  std::string_view name;
  int min;
  int max;
  std::array<std::string_view, 13> names;  // names[i] spells value min + i; empty when none
};

constexpr FieldSpec kMinuteField{"minute", 0, 59, {}};
constexpr FieldSpec kHourField{"hour", 0, 23, {}};
constexpr FieldSpec kDayOfMonthField{"day-of-month", 1, 31, {}};
constexpr FieldSpec kMonthField{
    "month",
    1,
    12,
    {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}};
// 7 is accepted as a second spelling of Sunday and folded onto 0 after parsing.
constexpr FieldSpec kDayOfWeekField{
    "day-of-week", 0, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kShorthands = {{
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
    {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
}};

// Five years plus a leap day, the horizon next_after searches.
constexpr Seconds kSearchHorizon = (5 * 365 + 2) * kDay;

Error cron_error(std::string message) {
  return Error{ErrorCode::kBadRequest, "cron: " + std::move(message)};
}

Error field_error(const FieldSpec& field, std::string_view token, std::string_view problem) {
  return cron_error(std::string(field.name) + " field '" + std::string(token) + "' " +
                    std::string(problem));
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<std::string_view> split_whitespace(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::optional<int> parse_int(std::string_view token) {
  int value = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size() || token.empty()) {
    return std::nullopt;
  }
  return value;
}

//! One value of a field: a number or a name, checked against the field's range.
Result<int> parse_value(const FieldSpec& field, std::string_view token) {
  for (std::size_t i = 0; i < field.names.size(); ++i) {
    if (!field.names[i].empty() && iequals(token, field.names[i])) {
      return field.min + static_cast<int>(i);
    }
  }
  auto value = parse_int(token);
  if (!value) return field_error(field, token, "is not a number or name");
  if (*value < field.min || *value > field.max) {
    return field_error(
        field, token,
        "out of range " + std::to_string(field.min) + "-" + std::to_string(field.max));
  }
  return *value;
}

//! One comma-separated item: `*`, `v`, `a-b`, each optionally followed by `/step`.
Result<std::vector<int>> parse_item(const FieldSpec& field, std::string_view item) {
  std::string_view base = item;
  int step = 1;
  bool stepped = false;
  if (auto slash = item.find('/'); slash != std::string_view::npos) {
    base = item.substr(0, slash);
    auto parsed = parse_int(item.substr(slash + 1));
    if (!parsed || *parsed < 1) return field_error(field, item, "needs a positive step");
    step = *parsed;
    stepped = true;
  }
  if (base.empty() || base.front() == '-' || base.back() == '-') {
    return field_error(field, item, "is not a value, a range or '*'");
  }
  int first = field.min;
  int last = field.max;
  if (base != "*") {
    auto dash = base.find('-');
    auto low = parse_value(field, base.substr(0, dash));
    if (!low) return low.error();
    first = *low;
    // `5/15` means 5, 20, 35, ...: a start with a step runs to the end of the range.
    last = stepped ? field.max : first;
    if (dash != std::string_view::npos) {
      auto high = parse_value(field, base.substr(dash + 1));
      if (!high) return high.error();
      last = *high;
      if (last < first) return field_error(field, base, "is a backwards range");
    }
  }
  std::vector<int> values;
  // 64-bit so that a huge step cannot overflow past `last`.
  for (std::int64_t v = first; v <= last; v += step) values.push_back(static_cast<int>(v));
  return values;
}

template <std::size_t N>
Result<std::bitset<N>> parse_field(const FieldSpec& field, std::string_view text) {
  std::bitset<N> bits;
  for (std::string_view item : split(text, ',')) {
    if (item.empty()) return field_error(field, text, "has an empty list item");
    auto values = parse_item(field, item);
    if (!values) return values.error();
    for (int v : *values) bits.set(static_cast<std::size_t>(v));
  }
  return bits;
}

//! The first set bit at or after `from`, if any.
template <std::size_t N>
std::optional<int> first_set_from(const std::bitset<N>& bits, int from) {
  for (std::size_t i = static_cast<std::size_t>(from); i < N; ++i) {
    if (bits.test(i)) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace

Result<CronExpression> CronExpression::parse(std::string_view text) {
  std::vector<std::string_view> fields = split_whitespace(text);
  if (fields.size() == 1 && fields[0].starts_with('@')) {
    for (const auto& [name, expansion] : kShorthands) {
      if (iequals(fields[0], name)) return parse(expansion);
    }
    return cron_error("unknown shorthand '" + std::string(fields[0]) + "'");
  }
  if (fields.size() != 5) {
    return cron_error("expected 5 fields (minute hour day-of-month month day-of-week), got " +
                      std::to_string(fields.size()));
  }
  CronExpression cron;
  auto minutes = parse_field<60>(kMinuteField, fields[0]);
  if (!minutes) return minutes.error();
  auto hours = parse_field<24>(kHourField, fields[1]);
  if (!hours) return hours.error();
  auto days_of_month = parse_field<32>(kDayOfMonthField, fields[2]);
  if (!days_of_month) return days_of_month.error();
  auto months = parse_field<13>(kMonthField, fields[3]);
  if (!months) return months.error();
  auto days_of_week = parse_field<8>(kDayOfWeekField, fields[4]);
  if (!days_of_week) return days_of_week.error();

  cron.minutes_ = *minutes;
  cron.hours_ = *hours;
  cron.days_of_month_ = *days_of_month;
  cron.months_ = *months;
  for (std::size_t d = 0; d < 7; ++d) cron.days_of_week_[d] = days_of_week->test(d);
  if (days_of_week->test(7)) cron.days_of_week_.set(0);
  // Vixie cron: a day field counts as restricted unless it starts with `*` (so `*/2` is not).
  cron.dom_restricted_ = !fields[2].starts_with('*');
  cron.dow_restricted_ = !fields[4].starts_with('*');
  return cron;
}

bool CronExpression::matches(Seconds t) const {
  const Seconds day_start = floor_to(t, kDay);
  const Seconds in_day = t - day_start;
  return day_matches(day_start) && hours_.test(static_cast<std::size_t>(in_day / kHour)) &&
         minutes_.test(static_cast<std::size_t>(in_day % kHour / kMinute));
}

bool CronExpression::day_matches(Seconds day_start) const {
  const sys_days day{days(day_start / kDay)};
  const year_month_day date{day};
  if (!months_.test(static_cast<unsigned>(date.month()))) return false;
  const bool dom = days_of_month_.test(static_cast<unsigned>(date.day()));
  const bool dow = days_of_week_.test(std::chrono::weekday(day).c_encoding());
  return dom_restricted_ && dow_restricted_ ? dom || dow : dom && dow;
}

std::optional<Seconds> CronExpression::next_after(Seconds t) const {
  const Seconds limit = t + kSearchHorizon;
  Seconds candidate = floor_to(t, kMinute) + kMinute;
  // Walk forward a month, a day or an hour at a time and only scan minutes inside an hour
  // that matches, so even a rare expression costs a few thousand steps at most.
  while (candidate <= limit) {
    const Seconds day_start = floor_to(candidate, kDay);
    const sys_days day{days(day_start / kDay)};
    const year_month_day date{day};
    if (!months_.test(static_cast<unsigned>(date.month()))) {
      const sys_days next_month{(date.year() / date.month() / 1) + std::chrono::months(1)};
      candidate = next_month.time_since_epoch().count() * kDay;
      continue;
    }
    if (!day_matches(day_start)) {
      candidate = day_start + kDay;
      continue;
    }
    const Seconds in_day = candidate - day_start;
    const int hour = static_cast<int>(in_day / kHour);
    auto next_hour = first_set_from(hours_, hour);
    if (!next_hour) {
      candidate = day_start + kDay;
      continue;
    }
    const int from_minute = *next_hour == hour ? static_cast<int>(in_day % kHour / kMinute) : 0;
    auto next_minute = first_set_from(minutes_, from_minute);
    if (!next_minute) {
      candidate = day_start + (*next_hour + 1) * kHour;
      continue;
    }
    return day_start + *next_hour * kHour + *next_minute * kMinute;
  }
  return std::nullopt;
}

}  // namespace vigil
