#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "alerting/notify/channel_call.hpp"
#include "alerting/notify/send_outcome.hpp"

namespace vigil {

class CurlEngine;

//! Sends HttpCalls on a CurlEngine. Every request carries `Idempotency-Key: <message key>`.
//! 2xx is delivered; timeouts, network errors, 408, 429 and 5xx may be retried; anything else
//! (other 4xx, 3xx) fails for good.
class HttpSender {
 public:
  //! Sends on `engine` (all calls on its loop's thread), each request limited to `timeout`.
  HttpSender(CurlEngine& engine, std::chrono::milliseconds timeout);

  //! Starts `call` and reports its outcome to `done` on the loop.
  void send(const HttpCall& call, const std::string& idempotency_key,
            std::function<void(SendOutcome)> done);

 private:
  CurlEngine& engine_;
  std::chrono::milliseconds timeout_;
};

}  // namespace vigil
