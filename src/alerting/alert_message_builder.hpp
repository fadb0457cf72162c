#pragma once

#include <string>
#include <string_view>

#include "alerting/alert_notice.hpp"
#include "core/outbox_message.hpp"
#include "core/trigger.hpp"
#include "services/site_service.hpp"

namespace vigil {

//! "1 h 5 min", "3 min", "45 s": a duration as people read it.
std::string describe_duration(Seconds seconds);

//! Turns an alert notice into outbox messages: the template variables under Kener's names
//! (alert_*, is_resolved, is_triggered, site_*, colors_*) plus Vigil's monitor_tag,
//! monitor_name, is_reminder and is_escalation, and the trigger's channel and settings.
class AlertMessageBuilder {
 public:
  //! Reads site name, URL, logo and colours from `site` when building; it must outlive this.
  explicit AlertMessageBuilder(const SiteService& site) : site_(site) {}

  //! The template variables of `notice` as a JSON object text.
  std::string variables(const AlertNotice& notice) const;
  //! A message of `kind` (alert, test) for `notice` through `trigger`; the caller sets the
  //! idempotency key.
  OutboxMessage message(const AlertNotice& notice, const Trigger& trigger,
                        std::string_view kind) const;
  //! The one-line summary of a notice (alert_message).
  static std::string summary(const AlertNotice& notice);

 private:
  const SiteService& site_;
};

}  // namespace vigil
