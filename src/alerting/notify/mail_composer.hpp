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
};

//! The RFC 5322 message for `content`: headers, then the parts base64-encoded (multipart/
//! alternative when both text and HTML are given), CRLF line ends.
std::string compose_mail(const MailContent& content);

}  // namespace vigil
