#include "site/model/time_zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <stdexcept>

namespace vigil {
namespace {

constexpr int kMaxDays = 3660;

constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

using date::local_seconds;
using date::sys_seconds;

//! The UTC instant at which local day `day` starts in `zone` (null = UTC).
Seconds start_utc(const date::time_zone* zone, date::local_days day) {
  const local_seconds midnight{day};
  if (!zone) return midnight.time_since_epoch().count();
  return zone->to_sys(midnight, date::choose::earliest).time_since_epoch().count();
}

//! "+01:00" or "+0100" for an offset in seconds.
std::string format_offset(Seconds offset, bool colon) {
  const char sign = offset < 0 ? '-' : '+';
  const Seconds magnitude = offset < 0 ? -offset : offset;
  return fmt::format("{}{:02}{}{:02}", sign, magnitude / kHour, colon ? ":" : "",
                     magnitude % kHour / kMinute);
}

}  // namespace

std::string LocalTime::date_time() const {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", year, month, day, hour, minute);
}

std::string LocalTime::iso8601() const {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", year, month, day, hour, minute,
                     second, format_offset(utc_offset, true));
}

std::string LocalTime::rfc822() const {
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} {}", kWeekdays[weekday], day,
                     kMonths[month - 1], year, hour, minute, second,
                     format_offset(utc_offset, false));
}

Result<TimeZone> TimeZone::locate(std::string_view iana_name) {
  if (iana_name.empty()) return Error{ErrorCode::kBadRequest, "time zone is empty"};
  try {
    return TimeZone(date::locate_zone(iana_name));
  } catch (const std::runtime_error&) {
    return Error{ErrorCode::kBadRequest, "unknown time zone '" + std::string(iana_name) + "'"};
  }
}

std::string TimeZone::name() const {
  return zone_ ? std::string(zone_->name()) : "UTC";
}

LocalTime TimeZone::to_local(Seconds utc) const {
  const sys_seconds at{std::chrono::seconds{utc}};
  LocalTime out;
  out.abbreviation = "UTC";
  if (zone_) {
    const date::sys_info info = zone_->get_info(at);
    out.utc_offset = info.offset.count();
    out.abbreviation = info.abbrev;
  }
  const local_seconds local{std::chrono::seconds{utc + out.utc_offset}};
  const date::local_days day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(time.hours().count());
  out.minute = static_cast<int>(time.minutes().count());
  out.second = static_cast<int>(time.seconds().count());
  out.weekday = static_cast<int>(date::weekday{day}.c_encoding());
  return out;
}

Seconds TimeZone::start_of_day(int year, int month, int day) const {
  return start_utc(zone_, date::local_days{date::year{year} / month / day});
}

std::vector<LocalDay> TimeZone::days_ending_at(Seconds now, int days) const {
  const LocalTime today = to_local(now);
  const date::local_days last{date::year{today.year} / today.month / today.day};
  std::vector<LocalDay> out;
  out.reserve(static_cast<std::size_t>(days > 0 ? days : 0));
  for (int back = days - 1; back >= 0; --back) {
    const date::local_days day = last - date::days{back};
    const date::year_month_day ymd{day};
    out.push_back(LocalDay{start_utc(zone_, day), start_utc(zone_, day + date::days{1}),
                           static_cast<int>(ymd.year()),
                           static_cast<int>(static_cast<unsigned>(ymd.month())),
                           static_cast<int>(static_cast<unsigned>(ymd.day()))});
  }
  return out;
}

Result<std::vector<LocalDay>> local_days(std::string_view iana_zone, Seconds now, int days) {
  if (days < 1 || days > kMaxDays) {
    return Error{ErrorCode::kBadRequest, "days must be between 1 and " + std::to_string(kMaxDays) +
                                             ", got " + std::to_string(days)};
  }
  Result<TimeZone> zone = TimeZone::locate(iana_zone);
  if (!zone) return zone.error();
  return zone->days_ending_at(now, days);
}

Result<LocalTime> local_time(std::string_view iana_zone, Seconds utc) {
  Result<TimeZone> zone = TimeZone::locate(iana_zone);
  if (!zone) return zone.error();
  return zone->to_local(utc);
}

}  // namespace vigil
