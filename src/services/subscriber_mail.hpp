#pragma once

#include <string>

#include "core/outbox_message.hpp"

namespace vigil {

//! One mail to a subscriber, ready to queue.
struct SubscriberMail {
  std::string subject;          //!< plain text
  std::string text;             //!< the plain-text body
  std::string html;             //!< the HTML body (escaped by its writer)
  std::string unsubscribe_url;  //!< the absolute one-click unsubscribe URL; empty for none
};

//! The outbox message that mails `mail` to `to` over the "email" channel: the channel settings
//! take subject, body and html from the variables of the same names; `unsubscribe_url` is passed
//! as a variable of that name when set, from which the channel writes the List-Unsubscribe and
//! List-Unsubscribe-Post (RFC 8058) headers.
OutboxMessage email_message(const std::string& to, const SubscriberMail& mail, std::string kind,
                            std::string idempotency_key);

}  // namespace vigil
