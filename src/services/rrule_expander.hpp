#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! The occurrences of an RFC 5545 RRULE (libical) anchored at a start time, followed on the
//! wall clock of an IANA time zone (date/tz): a 09:00 Europe/Berlin weekly rule stays at 09:00
//! local across daylight-saving changes. A local time skipped by a change is read with the
//! offset before it (02:30 on a spring-forward night becomes 03:30), a repeated one as its
//! first instance. UNTIL given in UTC (…Z) is honoured as that instant.
class RruleExpander {
 public:
  //! Checks the rule and the zone against `start` (DTSTART, Unix s); kBadRequest saying what is
  //! wrong.
  static Result<RruleExpander> create(Seconds start, const std::string& rrule,
                                      const std::string& timezone);

  //! True for a one-off (COUNT=1, Kener's FREQ=MINUTELY;COUNT=1): its only occurrence is the start.
  bool one_off() const { return one_off_; }
  //! Start times (Unix s) of the occurrences in [from, to), ascending, at most `limit`.
  std::vector<Seconds> occurrences(Seconds from, Seconds to, std::size_t limit) const;

 private:
  RruleExpander(Seconds start, std::string rrule, std::string timezone, bool one_off);

  Seconds start_;
  std::string rrule_;
  std::string timezone_;
  bool one_off_;
};

}  // namespace vigil
