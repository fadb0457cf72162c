#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/subscriber.hpp"

namespace vigil {

//! A verification code waiting for an email subscriber to enter it, with the preferences that
//! confirming it applies. Only the code's hash is kept.
struct SubscriberCode {
  std::int64_t subscriber_id = 0;     //!< the (possibly unconfirmed) subscriber
  std::string code_hash;              //!< hex HMAC of the code
  Seconds sent_at = 0;                //!< when it was sent (re-requests are rate limited)
  Seconds expires_at = 0;             //!< refused from this time on
  int failed_attempts = 0;            //!< wrong codes entered so far
  SubscriberPreferences preferences;  //!< applied when confirmed
};

//! Persists subscribers with their chosen pages and monitors, and pending verification codes.
class SubscriberStore {
 public:
  virtual ~SubscriberStore() = default;
  //! Every subscriber, oldest first, with preferences.
  virtual std::vector<Subscriber> list() = 0;
  //! One subscriber.
  virtual std::optional<Subscriber> get(std::int64_t id) = 0;
  //! The subscriber of a kind with an address (addresses are unique per kind).
  virtual std::optional<Subscriber> find_by_address(SubscriberKind kind,
                                                    std::string_view address) = 0;
  //! The subscriber whose manage token hashes to `token_hash`.
  virtual std::optional<Subscriber> find_by_token_hash(std::string_view token_hash) = 0;
  //! Inserts a subscriber with its preferences; returns it with id and times set.
  virtual Subscriber create(const Subscriber& subscriber) = 0;
  //! Replaces a subscriber's fields and preferences (matched by id); nullopt when absent.
  virtual std::optional<Subscriber> update(const Subscriber& subscriber) = 0;
  //! Deletes a subscriber with its preferences and code; false when absent.
  virtual bool remove(std::int64_t id) = 0;

  //! Stores the pending code of a subscriber, replacing any earlier one.
  virtual void put_code(const SubscriberCode& code) = 0;
  //! The pending code of a subscriber.
  virtual std::optional<SubscriberCode> code(std::int64_t subscriber_id) = 0;
  //! Counts one wrong attempt; returns the attempts so far (0 when there is no code).
  virtual int count_failed_attempt(std::int64_t subscriber_id) = 0;
  //! Deletes the pending code of a subscriber (used, expired or burnt).
  virtual void remove_code(std::int64_t subscriber_id) = 0;
};

}  // namespace vigil
