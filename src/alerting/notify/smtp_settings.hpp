#pragma once

#include <string>

#include "core/env_substitution.hpp"

namespace vigil {

//! How to reach an SMTP server.
struct SmtpSettings {
  std::string host;       //!< server name or address; empty when none is configured
  int port = 587;         //!< TCP port
  std::string username;   //!< login name; empty: no authentication
  std::string password;   //!< login password
  std::string from;       //!< default sender address
  bool secure = false;    //!< implicit TLS (smtps://); otherwise STARTTLS when the server offers it
  bool starttls = false;  //!< with secure off: refuse to send unless STARTTLS succeeds
  bool tls_verify = true;  //!< verify the server's certificate and name
};

//! Kener's SMTP variables: SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS or SMTP_PASSWORD,
//! SMTP_FROM_EMAIL or SMTP_SENDER, SMTP_SECURE (1/true: implicit TLS, default port 465).
SmtpSettings smtp_settings_from_env(const EnvLookup& env);

}  // namespace vigil
