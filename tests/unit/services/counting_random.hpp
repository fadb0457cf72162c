#pragma once

#include <cstdint>

#include "core/random_source.hpp"

namespace vigil::testing {

//! Predictable "random" bytes: a counter mixed so consecutive fills differ in every byte.
class CountingRandom final : public RandomSource {
 public:
  void fill(unsigned char* data, std::size_t size) override {
    for (std::size_t i = 0; i < size; ++i) {
      state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
      data[i] = static_cast<unsigned char>(state_ >> 56);
    }
  }

 private:
  std::uint64_t state_ = 42;
};

}  // namespace vigil::testing
