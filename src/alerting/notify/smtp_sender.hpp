#pragma once

#include <chrono>
#include <functional>

#include "alerting/notify/channel_call.hpp"
#include "alerting/notify/send_outcome.hpp"

namespace vigil {

class CurlEngine;

//! Submits MailCalls over SMTP with libcurl on a CurlEngine: smtps:// for implicit TLS,
//! otherwise smtp:// upgraded with STARTTLS when the server offers it (required with
//! `starttls`). A 5xx reply or a refused login fails for good; anything else may be retried.
class SmtpSender {
 public:
  //! Sends on `engine` (all calls on its loop's thread), each mail limited to `timeout`.
  SmtpSender(CurlEngine& engine, std::chrono::milliseconds timeout);

  //! Starts submitting `call` and reports its outcome to `done` on the loop.
  void send(const MailCall& call, std::function<void(SendOutcome)> done);

 private:
  CurlEngine& engine_;
  std::chrono::milliseconds timeout_;
};

}  // namespace vigil
