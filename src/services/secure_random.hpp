#pragma once

#include "core/random_source.hpp"

namespace vigil {

//! Random bytes from OpenSSL's CSPRNG, for codes and tokens in production.
class SecureRandom final : public RandomSource {
 public:
  //! Fills `size` bytes; aborts the process when the system has no randomness to give.
  void fill(unsigned char* data, std::size_t size) override;
};

}  // namespace vigil
