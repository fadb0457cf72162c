#pragma once

#include "core/time_units.hpp"

namespace vigil {

//! How long stored history is kept (the `retention:` section of the config file).
struct RetentionPolicy {
  Seconds raw = 7 * kDay;              //!< raw check results
  Seconds minute = 90 * kDay;          //!< minute rows
  Seconds hour = 365 * kDay;           //!< hour rows; day rows are kept forever
  Seconds deliveries = 30 * kDay;      //!< SENT and FAILED messages of the delivery log
  Seconds alert_history = 365 * kDay;  //!< alert history entries
};

}  // namespace vigil
