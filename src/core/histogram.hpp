#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

namespace vigil {

//! A fixed-bucket histogram of milliseconds, safe to update and read from any thread.
class Histogram {
 public:
  //! Upper bounds (inclusive, ms) of the buckets; a last +Inf bucket follows.
  static constexpr std::array<double, 24> kBounds = {0,   1,   2,   3,    5,    7,    10,   15,
                                                     20,  30,  50,  75,   100,  150,  200,  300,
                                                     500, 750, 1000, 1500, 2000, 3000, 5000, 10000};

  //! Records one observation.
  void observe(double ms);
  //! Cumulative counts per bound, then the total (+Inf), as Prometheus wants them.
  std::vector<std::uint64_t> cumulative() const;
  //! Sum of all observations in ms.
  double sum() const { return static_cast<double>(sum_us_.load()) / 1000.0; }

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> counts_{};
  std::atomic<std::uint64_t> sum_us_{0};
};

}  // namespace vigil
