#pragma once

#include <boost/json/object.hpp>

#include <string_view>

#include "alerting/notify/channel_call.hpp"
#include "core/env_substitution.hpp"
#include "core/error.hpp"
#include "core/secret_settings.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! Everything a channel needs to turn one message into a call.
struct ChannelInput {
  const boost::json::object& config;     //!< the channel's settings (a trigger_meta)
  const boost::json::object& variables;  //!< template variables (Kener's names)
  std::string_view idempotency_key;      //!< the message's key
  const EnvLookup& env;                  //!< for `$NAME` in URLs, headers and templates
  Seconds now = 0;                       //!< the current time (Unix s), e.g. an email's Date
};

//! One way of delivering notifications (webhook, Slack, email, …). A channel is pure: it only
//! builds the call; the delivery worker sends it.
class Channel {
 public:
  virtual ~Channel() = default;
  //! The trigger_type it handles, e.g. "slack".
  virtual std::string_view type() const = 0;
  //! The call delivering a message, or a kBadRequest error listing every "field: problem" of
  //! the settings (this is also how settings are validated).
  virtual Result<ChannelCall> prepare(const ChannelInput& input) const = 0;
  //! The settings that hold secrets (tokens, keys, passwords, URLs carrying a token): the API
  //! masks them. Declared next to prepare(), which reads them.
  virtual SecretSettings secret_settings() const = 0;
};

}  // namespace vigil
