#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Opsgenie Alert API: creates an alert with an alias (alert_id + monitor_tag) and closes it by
//! alias on RESOLVED. Settings: api_key (required), message and description templates, priority,
//! base_url (default https://api.opsgenie.com).
class OpsgenieChannel final : public Channel {
 public:
  std::string_view type() const override { return "opsgenie"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"api_key"}, ""}; }
};

}  // namespace vigil
