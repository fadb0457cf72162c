#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! PagerDuty Events API v2: trigger on TRIGGERED and resolve on RESOLVED under one dedup_key
//! (alert_id + monitor_tag). Settings: routing_key (required), summary template, base_url (default
//! https://events.pagerduty.com).
class PagerDutyChannel final : public Channel {
 public:
  std::string_view type() const override { return "pagerduty"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"routing_key"}, ""}; }
};

}  // namespace vigil
