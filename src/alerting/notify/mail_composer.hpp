#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time_units.hpp"

namespace vigil {

//! What goes into one email.
struct MailContent {
  std::string from;             //!< sender address
  std::vector<std::string> to;  //!< recipient addresses
  std::string subject;          //!< UTF-8 text
  std::string text;             //!< plain-text part; empty for none
  std::string html;             //!< HTML part; empty for none
  std::string message_id;       //!< unique id (Message-ID without the angle brackets)
  Seconds date = 0;             //!< Date header (Unix s)
  std::string unsubscribe_url;  //!< one-click unsubscribe URL (RFC 8058); empty for none
};

//! The RFC 5322 message for `content`: headers (folded at 78 characters where they have room;
//! a non-ASCII subject as RFC 2047 encoded words; with an unsubscribe URL, List-Unsubscribe and
//! List-Unsubscribe-Post: List-Unsubscribe=One-Click), then the parts base64-encoded
//! (multipart/alternative when both text and HTML are given), CRLF line ends.
std::string compose_mail(const MailContent& content);

}  // namespace vigil
