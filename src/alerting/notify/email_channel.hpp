#pragma once

#include "alerting/notify/channel.hpp"
#include "alerting/notify/smtp_settings.hpp"

namespace vigil {

//! Email over SMTP. Settings: to (comma-separated, required), from, subject and body templates
//! (body is HTML, values HTML-escaped), optional html template (then body is the plain-text
//! part); server fields host, port, username, password, secure, starttls, tls_verify override
//! the SMTP settings given at construction (Kener's SMTP_* variables). A message with the
//! variable `unsubscribe_url` (subscriber mails) gets List-Unsubscribe and RFC 8058's
//! List-Unsubscribe-Post headers for it.
class EmailChannel final : public Channel {
 public:
  //! Sends through `server` unless a message's settings name another.
  explicit EmailChannel(SmtpSettings server);

  std::string_view type() const override { return "email"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"password"}, ""}; }

 private:
  SmtpSettings server_;
};

}  // namespace vigil
