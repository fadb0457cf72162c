#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time_units.hpp"
#include "site/model/time_zone.hpp"

namespace vigil {

//! A calendar month as named in Kener's /events/{Month-YYYY} URLs.
//! The functions below expect a valid month (1..12), as parse_event_month and month_of give.
struct EventMonth {
  int year = 1970;  //!< four digits
  int month = 1;    //!< 1..12

  //! Same year and month.
  friend bool operator==(const EventMonth&, const EventMonth&) = default;
};

//! A UTC range [start, end).
struct TimeRange {
  Seconds start = 0;  //!< first instant inside
  Seconds end = 0;    //!< first instant after
};

//! Parses "November-2026" (English month name in any case, a four-digit year 1970..9999).
//! Anything else is a kBadRequest error that says what was expected.
Result<EventMonth> parse_event_month(std::string_view slug);

//! The URL slug of a month: "November-2026".
std::string event_month_slug(EventMonth month);

//! The month before.
EventMonth previous_month(EventMonth month);

//! The month after.
EventMonth next_month(EventMonth month);

//! The month that contains a local time.
EventMonth month_of(const LocalTime& time);

//! [local midnight of the 1st, local midnight of the next month's 1st) in `zone`.
TimeRange month_range(EventMonth month, const TimeZone& zone);

}  // namespace vigil
