#include "services/rrule_expander.hpp"

#include <date/tz.h>
#include <libical/ical.h>

#include <algorithm>
#include <cctype>

namespace vigil {
namespace {

using date::local_seconds;
using std::chrono::seconds;

constexpr std::string_view kExamples =
    "e.g. FREQ=WEEKLY;BYDAY=SU, or FREQ=MINUTELY;COUNT=1 for a one-off";
// Iterations one expansion may take (a rule with COUNT is walked from its start).
constexpr std::size_t kMaxSteps = 200000;
// Local wall-clock time differs from UTC by less than this.
constexpr Seconds kZoneMargin = 2 * kDay;

icaltimetype to_ical(local_seconds t) {
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<seconds> time{t - day};
  icaltimetype out = icaltime_null_time();
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(time.hours().count());
  out.minute = static_cast<int>(time.minutes().count());
  out.second = static_cast<int>(time.seconds().count());
  return out;
}

local_seconds from_ical(const icaltimetype& t) {
  return local_seconds{date::local_days{date::year{t.year} / t.month / t.day}} +
         std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} + seconds{t.second};
}

local_seconds to_local(const date::time_zone& zone, Seconds utc) {
  return zone.to_local(date::sys_seconds{seconds{utc}});
}

// A skipped local time takes the offset in force before the change (RFC 5545 §3.3.5); a
// repeated one its first instance. date/tz's `first` is exactly that in every case.
Seconds to_utc(const date::time_zone& zone, local_seconds local) {
  return (local - zone.get_info(local).first.offset).time_since_epoch().count();
}

//! The rule parsed by libical; freq is ICAL_NO_RECURRENCE when it is not valid.
icalrecurrencetype parse_rule(const std::string& rrule) {
  icalerror_clear_errno();
  return icalrecurrencetype_from_string(rrule.c_str());
}

//! The fixed length of one period of a sub-monthly rule on the wall clock, or 0.
Seconds fixed_period(const icalrecurrencetype& rule) {
  Seconds unit = 0;
  switch (rule.freq) {
    case ICAL_SECONDLY_RECURRENCE:
      unit = 1;
      break;
    case ICAL_MINUTELY_RECURRENCE:
      unit = kMinute;
      break;
    case ICAL_HOURLY_RECURRENCE:
      unit = kHour;
      break;
    case ICAL_DAILY_RECURRENCE:
      unit = kDay;
      break;
    case ICAL_WEEKLY_RECURRENCE:
      unit = 7 * kDay;
      break;
    default:
      return 0;
  }
  return unit * std::max<Seconds>(rule.interval, 1);
}

bool mentions_freq(const std::string& rrule) {
  std::string upper;
  for (char c : rrule) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find("FREQ=") != std::string::npos;
}

}  // namespace

RruleExpander::RruleExpander(Seconds start, std::string rrule, std::string timezone, bool one_off)
    : start_(start), rrule_(std::move(rrule)), timezone_(std::move(timezone)), one_off_(one_off) {}

Result<RruleExpander> RruleExpander::create(Seconds start, const std::string& rrule,
                                            const std::string& timezone) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(timezone);
  } catch (const std::runtime_error&) {
    return Error{ErrorCode::kBadRequest,
                 "timezone: '" + timezone + "' is not an IANA time zone (e.g. Europe/Berlin, UTC)"};
  }
  if (!mentions_freq(rrule)) {
    return Error{ErrorCode::kBadRequest,
                 "rrule: '" + rrule + "' has no FREQ (" + std::string(kExamples) + ")"};
  }
  icalrecurrencetype rule = parse_rule(rrule);
  if (rule.freq == ICAL_NO_RECURRENCE) {
    return Error{ErrorCode::kBadRequest, "rrule: '" + rrule + "' is not a valid iCalendar RRULE (" +
                                             std::string(kExamples) + ")"};
  }
  icalrecur_iterator* iterator = icalrecur_iterator_new(rule, to_ical(to_local(*zone, start)));
  if (iterator == nullptr) {
    return Error{ErrorCode::kBadRequest,
                 "rrule: '" + rrule + "' cannot be expanded (" + std::string(kExamples) + ")"};
  }
  icalrecur_iterator_free(iterator);
  return RruleExpander(start, rrule, timezone, rule.count == 1);
}

std::vector<Seconds> RruleExpander::occurrences(Seconds from, Seconds to, std::size_t limit) const {
  std::vector<Seconds> out;
  if (from >= to || limit == 0) return out;
  if (one_off_) {
    if (start_ >= from && start_ < to) out.push_back(start_);
    return out;
  }
  const date::time_zone& zone = *date::locate_zone(timezone_);
  icalrecurrencetype rule = parse_rule(rrule_);
  if (!icaltime_is_null_time(rule.until) && !rule.until.is_date && icaltime_is_utc(rule.until)) {
    // The iteration runs on the zone's wall clock, so the UTC limit is moved onto it.
    rule.until = to_ical(to_local(zone, icaltime_as_timet(rule.until)));
  }
  local_seconds start = to_local(zone, start_);
  if (Seconds period = fixed_period(rule); period > 0 && rule.count == 0) {
    // Without COUNT, a rule of fixed-length periods is the same rule from any start moved by
    // whole periods; begin just before `from` instead of walking from the first occurrence.
    Seconds gap = (to_local(zone, from) - start).count() - kZoneMargin;
    if (gap > 0) start += seconds{gap / period * period};
  }
  icalrecur_iterator* iterator = icalrecur_iterator_new(rule, to_ical(start));
  if (iterator == nullptr) return out;
  for (std::size_t step = 0; step < kMaxSteps && out.size() < limit; ++step) {
    icaltimetype next = icalrecur_iterator_next(iterator);
    if (icaltime_is_null_time(next)) break;
    Seconds utc = to_utc(zone, from_ical(next));
    if (utc >= to + kZoneMargin) break;
    if (utc >= from && utc < to) out.push_back(utc);
  }
  icalrecur_iterator_free(iterator);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace vigil
