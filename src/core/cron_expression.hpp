#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! A standard 5-field cron expression (minute hour day-of-month month day-of-week), in UTC.
//! Supports `*`, lists, ranges, steps (`*/5`, `1-30/2`), month and weekday names, 7 = Sunday,
//! and the @hourly/@daily/@weekly/@monthly/@yearly shorthands. When both day fields are
//! restricted, a day matches if either does (Vixie cron semantics).
class CronExpression {
 public:
  //! Parses `text`; the error message names the offending field.
  static Result<CronExpression> parse(std::string_view text);

  //! The first matching minute strictly after `t`; nullopt if none within 5 years.
  std::optional<Seconds> next_after(Seconds t) const;

  //! True when the minute containing `t` matches.
  bool matches(Seconds t) const;

 private:
  //! True when the UTC day starting at `day_start` matches the month and both day fields.
  bool day_matches(Seconds day_start) const;

  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;
  std::bitset<13> months_;
  std::bitset<7> days_of_week_;
  bool dom_restricted_ = false;
  bool dow_restricted_ = false;
};

}  // namespace vigil
