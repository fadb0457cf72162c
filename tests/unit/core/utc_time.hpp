#pragma once

#include <chrono>

#include "core/time_units.hpp"

namespace vigil::testing {

//! Unix seconds of a UTC calendar time, so tests can be written in dates.
inline Seconds utc(int year, unsigned month, unsigned day, int hour = 0, int minute = 0,
                   int second = 0) {
  using namespace std::chrono;
  const sys_days date =
      year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  return date.time_since_epoch().count() * kDay + hour * kHour + minute * kMinute + second;
}

}  // namespace vigil::testing
