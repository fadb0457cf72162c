#pragma once

#include <atomic>

#include "core/clock.hpp"

namespace vigil::testing {

//! A clock that only moves when a test moves it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Millis start_ms = 1'700'000'000'000) : now_(start_ms) {}
  Millis now_ms() const override { return now_.load(); }
  //! Sets the time.
  void set(Millis ms) { now_.store(ms); }
  //! Moves the time forward.
  void advance(Millis ms) { now_.fetch_add(ms); }

 private:
  std::atomic<Millis> now_;
};

}  // namespace vigil::testing
