#pragma once

#include <string>
#include <variant>
#include <vector>

#include "alerting/notify/smtp_settings.hpp"

namespace vigil {

//! One HTTP request that delivers a message.
struct HttpCall {
  std::string method = "POST";       //!< GET, POST, PUT, …
  std::string url;                   //!< absolute http(s) URL
  std::vector<std::string> headers;  //!< "Name: value" lines
  std::string body;                  //!< sent as is (empty: no body)
};

//! One email that delivers a message, with the server it goes through.
struct MailCall {
  SmtpSettings server;          //!< where and how to submit it
  std::string from;             //!< envelope sender (a bare address)
  std::vector<std::string> to;  //!< envelope recipients (bare addresses)
  std::string payload;          //!< the whole RFC 5322 message, CRLF line ends
};

//! What a channel turns a message into.
using ChannelCall = std::variant<HttpCall, MailCall>;

}  // namespace vigil
