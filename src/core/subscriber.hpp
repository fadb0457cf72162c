#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_units.hpp"

namespace vigil {

//! How a subscriber is reached: an email address or a webhook URL.
enum class SubscriberKind { kEmail, kWebhook };

//! EMAIL or WEBHOOK.
std::string_view to_string(SubscriberKind kind);
//! Parses the spelling above (case-insensitive); nullopt for anything else.
std::optional<SubscriberKind> parse_subscriber_kind(std::string_view text);

//! What a subscriber wants to hear about: incidents and/or maintenances, for everything or only
//! for chosen pages and monitors. Global incidents and maintenances reach every scope.
struct SubscriberPreferences {
  bool incidents = true;                  //!< incident creation and comments
  bool maintenances = true;               //!< maintenance reminders, starts, ends, cancellations
  bool everything = true;                 //!< false: only `page_ids` and `monitor_tags`
  std::vector<std::int64_t> page_ids;     //!< pages whose monitors count (sorted, unique)
  std::vector<std::string> monitor_tags;  //!< monitors that count (sorted, unique)

  bool operator==(const SubscriberPreferences&) const = default;
};

//! Sorts and de-duplicates the chosen pages and monitors, and clears them for everything.
void normalize(SubscriberPreferences& preferences);
//! Checks the preferences' own fields; returns "field: problem" lines.
std::vector<std::string> validate_preferences(const SubscriberPreferences& preferences);

//! Someone who receives incident and maintenance notifications: a confirmed email address
//! (from the status page or added by an admin) or a webhook URL (added by an admin).
struct Subscriber {
  std::int64_t id = 0;                           //!< set by the store
  SubscriberKind kind = SubscriberKind::kEmail;  //!< how it is reached
  std::string address;                           //!< email address (lower case) or URL
  bool confirmed = false;                        //!< the address was proven (or an admin added it)
  bool active = true;                            //!< admins can pause a subscriber
  SubscriberPreferences preferences;             //!< what it wants to hear about
  std::string token_salt;                        //!< random; the manage token derives from it
  std::string token_hash;                        //!< hex SHA-256 of the manage token
  Seconds created_at = 0;                        //!< set by the store
  Seconds updated_at = 0;                        //!< set by the store

  //! True when notifications go out to it: confirmed and active.
  bool receives() const { return confirmed && active; }
};

//! True for a plausible email address (one '@', a dotted domain, no spaces or control
//! characters, at most 254 characters).
bool is_email_address(std::string_view text);
//! True for an absolute http:// or https:// URL with a host (at most 2048 characters).
bool is_webhook_url(std::string_view text);

}  // namespace vigil
