#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/notification_port.hpp"
#include "core/random_source.hpp"
#include "core/subscriber.hpp"
#include "services/mail_format.hpp"
#include "services/monitor_service.hpp"
#include "services/page_service.hpp"
#include "services/site_service.hpp"
#include "storage/subscriber_store.hpp"

namespace vigil {

//! The limits of the email verification flow.
struct SubscriberRules {
  Seconds code_lifetime = 5 * kMinute;  //!< a code is refused from this long after it was sent
  int max_attempts = 5;                 //!< this many wrong codes burn the code
  Seconds resend_after = kMinute;       //!< a new code is sent at most this often per address
};

//! The fields of a subscriber an admin may change; unset fields stay as they are.
struct SubscriberPatch {
  std::optional<bool> active;                        //!< pause or resume
  std::optional<SubscriberPreferences> preferences;  //!< replaces the preferences
};

//! Subscriber use cases: the admin's list/add/change/delete (email or webhook), and the status
//! page's email flow (Kener §7, with per-page and per-monitor scopes): request a 6-digit code,
//! confirm it, then manage or end the subscription through a token. Codes and tokens are kept
//! only as HMACs with the server secret; the manage token of a subscriber is derived from the
//! secret and a random salt, so every mail can carry the link.
class SubscriberService {
 public:
  //! Every reference must outlive the service; `secret` keys the HMACs.
  SubscriberService(SubscriberStore& store, const PageService& pages,
                    const MonitorService& monitors, const SiteService& site,
                    NotificationPort& notifier, const Clock& clock, RandomSource& random,
                    MailFormat format, std::string secret, SubscriberRules rules = {});

  //! Every subscriber, oldest first (unconfirmed ones included).
  std::vector<Subscriber> list() const;
  //! One subscriber; kNotFound when absent.
  Result<Subscriber> get(std::int64_t id) const;
  //! Adds a confirmed subscriber (an email address or an http(s) webhook URL); an address
  //! waiting for its code is confirmed. kConflict when the address is subscribed already,
  //! kBadRequest for a bad address or preferences.
  Result<Subscriber> create(SubscriberKind kind, std::string_view address,
                            SubscriberPreferences preferences, bool active);
  //! Changes a subscriber; kNotFound when absent, kBadRequest for bad preferences.
  Result<Subscriber> update(std::int64_t id, const SubscriberPatch& patch);
  //! Deletes a subscriber; kNotFound when absent.
  std::optional<Error> remove(std::int64_t id);

  //! Mails a 6-digit code to `email` that confirms `preferences` (chosen pages and visible
  //! monitors only). kBadRequest for a bad address or preferences, or when a code was sent to
  //! the address less than `resend_after` ago.
  std::optional<Error> request_code(std::string_view email, SubscriberPreferences preferences);
  //! Checks a code: the right one, in time, confirms the subscription with the preferences it
  //! was sent for and returns the manage token. A wrong, expired or burnt code is kBadRequest;
  //! `max_attempts` wrong ones burn it.
  Result<std::string> confirm(std::string_view email, std::string_view code);
  //! The confirmed email subscriber a manage token belongs to; kNotFound otherwise.
  Result<Subscriber> by_token(std::string_view token) const;
  //! Replaces the preferences of the subscriber a token belongs to.
  Result<Subscriber> change_preferences(std::string_view token, SubscriberPreferences preferences);
  //! Ends the subscription a token belongs to (the subscriber is deleted).
  std::optional<Error> unsubscribe(std::string_view token);

  //! Confirmed and active subscribers: the ones notifications go to.
  std::vector<Subscriber> recipients() const;
  //! The manage token of a subscriber (what its links carry).
  std::string manage_token(const Subscriber& subscriber) const;
  //! `path` joined to the site's public URL (just `path` when the URL is not set).
  std::string link(std::string_view path) const;
  //! The HTML helpers mails are written with.
  const MailFormat& format() const { return format_; }

 private:
  Seconds now() const;
  std::string hmac(std::string_view label, std::string_view text) const;
  std::string random_hex(std::size_t bytes) const;
  std::string random_code() const;
  Subscriber fresh(SubscriberKind kind, std::string address) const;
  bool known_page(std::int64_t id) const;
  bool offered_monitor(const std::string& tag, bool visitor) const;
  std::optional<Error> check(SubscriberPreferences& preferences, bool visitor) const;
  void send_code(const Subscriber& subscriber, const std::string& code, Seconds sent_at);

  SubscriberStore& store_;
  const PageService& pages_;
  const MonitorService& monitors_;
  const SiteService& site_;
  NotificationPort& notifier_;
  const Clock& clock_;
  RandomSource& random_;
  MailFormat format_;
  std::string secret_;
  SubscriberRules rules_;
  std::mutex codes_mutex_;  // one code request or check at a time
};

}  // namespace vigil
