#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/time_units.hpp"

namespace date {
class time_zone;
}

namespace vigil {

//! One calendar day in a time zone: [start_utc, end_utc) runs from local midnight to the next
//! local midnight, so it lasts 23 or 25 hours across a daylight-saving change.
struct LocalDay {
  Seconds start_utc = 0;  //!< local midnight (or the first local instant when midnight is skipped)
  Seconds end_utc = 0;    //!< the next day's start
  int year = 1970;        //!< the local calendar date
  int month = 1;          //!< 1..12
  int day = 1;            //!< 1..31
};

//! A UTC instant as read on a wall clock in some zone.
struct LocalTime {
  int year = 1970;           //!< the local calendar date and clock time
  int month = 1;             //!< 1..12
  int day = 1;               //!< 1..31
  int hour = 0;              //!< 0..23
  int minute = 0;            //!< 0..59
  int second = 0;            //!< 0..59
  int weekday = 4;           //!< 0 = Sunday .. 6 = Saturday
  Seconds utc_offset = 0;    //!< local minus UTC, in seconds
  std::string abbreviation;  //!< the zone's abbreviation at that instant, e.g. "CET", "IST"

  //! "2026-11-23 14:05", for tooltips and lists.
  std::string date_time() const;
  //! "2026-11-23T14:05:00+01:00", for <time datetime> and feeds.
  std::string iso8601() const;
  //! RFC 822 as RSS wants it: "Mon, 23 Nov 2026 14:05:00 +0100".
  std::string rfc822() const;
};

//! An IANA time zone from the system tzdata (Howard Hinnant's date/tz). Cheap to copy; the
//! default-constructed zone is UTC and needs no tzdata.
class TimeZone {
 public:
  //! UTC.
  TimeZone() = default;
  //! Looks a zone up by IANA name ("Europe/Berlin", "Asia/Kolkata", "UTC"); unknown → kBadRequest.
  static Result<TimeZone> locate(std::string_view iana_name);

  //! The IANA name ("UTC" for the default zone).
  std::string name() const;
  //! The wall-clock reading of `utc` in this zone.
  LocalTime to_local(Seconds utc) const;
  //! The UTC instant at which the local calendar day year-month-day starts. A midnight skipped
  //! by a daylight-saving change resolves to the change itself; a repeated one to the first.
  Seconds start_of_day(int year, int month, int day) const;
  //! The last `days` local days, oldest first, ending with the day that contains `now`.
  std::vector<LocalDay> days_ending_at(Seconds now, int days) const;

 private:
  explicit TimeZone(const date::time_zone* zone) : zone_(zone) {}

  const date::time_zone* zone_ = nullptr;  //!< null = UTC
};

//! The last `days` (1..3660) local calendar days in `iana_zone` ending with today, oldest first.
//! Errors: unknown zone, days out of range.
Result<std::vector<LocalDay>> local_days(std::string_view iana_zone, Seconds now, int days);

//! `utc` on the wall clock of `iana_zone`; unknown zone → error.
Result<LocalTime> local_time(std::string_view iana_zone, Seconds utc);

}  // namespace vigil
